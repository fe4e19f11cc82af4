using System.Buffers.Binary;
using Spin.Chain.SpinPet;

namespace Spin.Chain.Tests.SpinPet;

public sealed class SpinPetEventDecoderTests
{
    // TokenCreatedEvent: discriminator, 8 pubkeys, swap_fee u16, borrow_fee u16, fee_discount_flag u8, then name.
    private const int TokenNameLengthOffset = 8 + (8 * 32) + 2 + 2 + 1;

    public static TheoryData<AnchorFixtures.EventFixture> Fixtures => new(AnchorFixtures.Events);

    [Fact]
    public void FixturesCoverEveryEventTypeWithSeveralValueSets()
    {
        var perType = AnchorFixtures.Events.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(SpinPetDiscriminators.Bytes.Keys.Select(t => t + "Event").Order(), perType.Keys.Order());
        Assert.All(perType.Values, count => Assert.True(count >= 4));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void DecodesEveryFieldOfAnchorEncodedEventsExactly(AnchorFixtures.EventFixture fixture)
    {
        var status = SpinPetEventDecoder.TryDecode(fixture.Bytes, out var decoded);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(fixture.Name, decoded!.Type + "Event");
        Assert.Equal(AnchorFixtures.FieldsOf(fixture), AnchorFixtures.FieldsOf(decoded));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EncodesBackToExactlyTheAnchorBytes(AnchorFixtures.EventFixture fixture)
    {
        var bytes = fixture.Bytes;
        SpinPetEventDecoder.TryDecode(bytes, out var decoded);

        var encoded = SpinPetEventEncoder.Encode(decoded!);

        Assert.Equal(bytes, encoded);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReportsEveryTruncationWithoutThrowing(AnchorFixtures.EventFixture fixture)
    {
        var bytes = fixture.Bytes;

        for (var length = 0; length < bytes.Length; length++)
        {
            var status = SpinPetEventDecoder.TryDecode(bytes.AsSpan(0, length), out var decoded);

            Assert.Null(decoded);
            Assert.Equal(length < 8 ? DecodeStatus.Garbage : DecodeStatus.Truncated, status);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void IgnoresTrailingBytesAfterACompleteEvent(AnchorFixtures.EventFixture fixture)
    {
        var bytes = fixture.Bytes;
        SpinPetEventDecoder.TryDecode(bytes, out var expected);
        var padded = bytes.Concat(new byte[] { 0xFF, 0, 1, 2, 3, 0x80 }).ToArray();

        var status = SpinPetEventDecoder.TryDecode(padded, out var decoded);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(expected, decoded);
    }

    [Fact]
    public void ReportsEveryDiscriminatorOneBitAwayFromARealOneAsUnknown()
    {
        var body = AnchorFixtures.Events[0].Bytes;

        foreach (var discriminator in SpinPetDiscriminators.Bytes.Values)
        {
            for (var bit = 0; bit < 64; bit++)
            {
                var bytes = (byte[])body.Clone();
                discriminator.CopyTo(bytes, 0);
                bytes[bit / 8] ^= (byte)(1 << (bit % 8));

                var status = SpinPetEventDecoder.TryDecode(bytes, out var decoded);

                Assert.Equal(DecodeStatus.UnknownDiscriminator, status);
                Assert.Null(decoded);
            }
        }
    }

    [Theory]
    [InlineData(0, new byte[] { 0x80 })]
    [InlineData(0, new byte[] { 0xFF })]
    [InlineData(0, new byte[] { 0xC0, 0xAF })]
    [InlineData(0, new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(0, new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(0, new byte[] { 0xE2, 0x82 })]
    [InlineData(7, new byte[] { 0xC3 })]
    public void RejectsAStringThatIsNotValidUtf8AsTruncated(int position, byte[] invalid)
    {
        var bytes = AnchorFixtures.Find("TokenCreatedEvent", "name", "Spin Pet").Bytes;
        invalid.CopyTo(bytes, TokenNameLengthOffset + 4 + position);

        var status = SpinPetEventDecoder.TryDecode(bytes, out var decoded);

        Assert.Equal(DecodeStatus.Truncated, status);
        Assert.Null(decoded);
    }

    [Theory]
    [InlineData(uint.MaxValue)]
    [InlineData(int.MaxValue)]
    [InlineData(1u << 20)]
    public void RejectsAStringLongerThanThePayloadWithoutAllocatingIt(uint length)
    {
        var bytes = AnchorFixtures.Find("TokenCreatedEvent", "name", "Spin Pet").Bytes;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(TokenNameLengthOffset), length);
        SpinPetEventDecoder.TryDecode(bytes, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var status = SpinPetEventDecoder.TryDecode(bytes, out var decoded);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(DecodeStatus.Truncated, status);
        Assert.Null(decoded);
        Assert.True(allocated < 16 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void RejectsAStringLengthOneByteBeyondThePayload()
    {
        var bytes = AnchorFixtures.Find("TokenCreatedEvent", "uri", "").Bytes;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), 1);

        Assert.Equal(DecodeStatus.Truncated, SpinPetEventDecoder.TryDecode(bytes, out _));
        Assert.Equal(DecodeStatus.Ok, SpinPetEventDecoder.TryDecode([.. bytes, (byte)'x'], out _));
    }

    [Theory]
    [InlineData("BuySellEvent", 8 + 64)]
    [InlineData("FullCloseEvent", 8 + 96)]
    [InlineData("PartialCloseEvent", 8 + 96)]
    public void RejectsABoolThatIsNeitherZeroNorOneAsAnchorDoes(string name, int offset)
    {
        var bytes = AnchorFixtures.Events.First(e => e.Name == name).Bytes;

        for (var value = 2; value < 256; value++)
        {
            bytes[offset] = (byte)value;

            Assert.Equal(DecodeStatus.Truncated, SpinPetEventDecoder.TryDecode(bytes, out var decoded));
            Assert.Null(decoded);
        }
    }
}

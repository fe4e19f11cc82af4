using Spin.Chain.SpinPet;
using Spin.Grains.Interfaces.Events;

namespace Spin.Chain.Tests.SpinPet;

public sealed class SpinPetEventDecoderTests
{
    public static TheoryData<AnchorFixtures.EventFixture> Fixtures => new(AnchorFixtures.Events);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void DecodesEveryFieldOfAnchorEncodedEventsExactly(AnchorFixtures.EventFixture fixture)
    {
        var status = SpinPetEventDecoder.TryDecode(Convert.FromBase64String(fixture.Base64), out var decoded);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(fixture.Name, decoded!.Type + "Event");
        Assert.Equal(AnchorFixtures.FieldsOf(fixture), AnchorFixtures.FieldsOf(decoded));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EncodesBackToExactlyTheAnchorBytes(AnchorFixtures.EventFixture fixture)
    {
        var bytes = Convert.FromBase64String(fixture.Base64);
        SpinPetEventDecoder.TryDecode(bytes, out var decoded);

        Assert.Equal(bytes, SpinPetEventEncoder.Encode(decoded!));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReportsEveryTruncationWithoutThrowing(AnchorFixtures.EventFixture fixture)
    {
        var bytes = Convert.FromBase64String(fixture.Base64);

        for (var length = 0; length < bytes.Length; length++)
        {
            var status = SpinPetEventDecoder.TryDecode(bytes.AsSpan(0, length), out var decoded);

            Assert.Null(decoded);
            Assert.Equal(length < 8 ? DecodeStatus.Garbage : DecodeStatus.Truncated, status);
        }
    }

    [Fact]
    public void AcceptsTrailingBytesAfterACompleteEvent()
    {
        var bytes = Convert.FromBase64String(AnchorFixtures.Events[0].Base64).Concat(new byte[] { 1, 2, 3 }).ToArray();

        Assert.Equal(DecodeStatus.Ok, SpinPetEventDecoder.TryDecode(bytes, out _));
    }

    [Fact]
    public void ReportsAnUnknownDiscriminator()
    {
        var bytes = new byte[120];
        bytes[0] = 0xFF;

        Assert.Equal(DecodeStatus.UnknownDiscriminator, SpinPetEventDecoder.TryDecode(bytes, out var decoded));
        Assert.Null(decoded);
    }

    [Fact]
    public void RejectsInvalidUtf8AndOversizedStringLengths()
    {
        var created = AnchorFixtures.Events.First(e => e.Name == "TokenCreatedEvent" && e.Fields["name"].GetString() == "SPIN");
        var bytes = Convert.FromBase64String(created.Base64);
        var nameLength = 8 + 261;
        var badUtf8 = (byte[])bytes.Clone();
        badUtf8[nameLength + 4] = 0xFF;
        var hugeLength = (byte[])bytes.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(hugeLength, nameLength);

        Assert.Equal(DecodeStatus.Truncated, SpinPetEventDecoder.TryDecode(badUtf8, out _));
        Assert.Equal(DecodeStatus.Truncated, SpinPetEventDecoder.TryDecode(hugeLength, out _));
    }

    [Fact]
    public void NeverThrowsOnRandomBytesOrMutatedEvents()
    {
        var random = new Random(20261124);
        var valid = AnchorFixtures.Events.Select(e => Convert.FromBase64String(e.Base64)).ToList();
        var discriminators = SpinPetDiscriminators.Bytes.Values.ToList();
        var decodedCount = 0;

        for (var i = 0; i < 100_000; i++)
        {
            var bytes = (i % 3) switch
            {
                0 => RandomBytes(random, random.Next(0, 400)),
                1 => discriminators[random.Next(discriminators.Count)].Concat(RandomBytes(random, random.Next(0, 400))).ToArray(),
                _ => Mutate(random, valid[random.Next(valid.Count)]),
            };
            if (SpinPetEventDecoder.TryDecode(bytes, out var decoded) == DecodeStatus.Ok)
            {
                decodedCount++;
                Assert.Equal(decoded!.Type, SpinPetDiscriminators.Bytes.Single(p => p.Value.AsSpan().SequenceEqual(bytes.AsSpan(0, 8))).Key);
            }
        }

        Assert.True(decodedCount > 0, "no mutated event decoded at all; the mutation test is not exercising the decoder");
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = valid[..random.Next(0, valid.Length + 1)];
        for (var flips = random.Next(0, 4); flips > 0 && bytes.Length > 0; flips--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return bytes;
    }
}

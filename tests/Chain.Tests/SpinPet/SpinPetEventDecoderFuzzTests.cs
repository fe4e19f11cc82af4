using System.Buffers.Binary;
using Spin.Chain.SpinPet;

namespace Spin.Chain.Tests.SpinPet;

public sealed class SpinPetEventDecoderFuzzTests
{
    [Fact]
    public void RandomBytesAreGarbageOrUnknownAndNeverThrow()
    {
        var random = new Random(20261124);

        for (var i = 0; i < 100_000; i++)
        {
            var bytes = RandomBytes(random, random.Next(0, 400));

            var status = SpinPetEventDecoder.TryDecode(bytes, out var decoded);

            Assert.Null(decoded);
            Assert.Equal(bytes.Length < 8 ? DecodeStatus.Garbage : DecodeStatus.UnknownDiscriminator, status);
        }
    }

    [Fact]
    public void RandomBodiesBehindEachRealDiscriminatorNeverThrowAndDecodeOnlyToTheirOwnBytes()
    {
        var random = new Random(7);
        var decodedCount = 0;

        foreach (var discriminator in SpinPetDiscriminators.Bytes.Values)
        {
            for (var i = 0; i < 15_000; i++)
            {
                byte[] bytes = [.. discriminator, .. RandomBytes(random, random.Next(0, 700))];

                decodedCount += DecodesOnlyToItsOwnPrefix(bytes) ? 1 : 0;
            }
        }

        Assert.True(decodedCount > 1_000, $"only {decodedCount} random bodies decoded; the test is not reaching the field readers");
    }

    [Fact]
    public void MutatedAnchorPayloadsNeverThrowAndDecodeOnlyToTheirOwnBytes()
    {
        var random = new Random(20261125);
        var valid = AnchorFixtures.Events.Select(e => e.Bytes).ToList();
        var decodedCount = 0;

        for (var i = 0; i < 100_000; i++)
        {
            var bytes = Mutate(random, valid[random.Next(valid.Count)]);

            decodedCount += DecodesOnlyToItsOwnPrefix(bytes) ? 1 : 0;
        }

        Assert.InRange(decodedCount, 1_000, 99_000);
    }

    // Borsh has one encoding per value, so whatever decodes must re-encode to exactly the bytes it was read from.
    private static bool DecodesOnlyToItsOwnPrefix(byte[] bytes)
    {
        var status = SpinPetEventDecoder.TryDecode(bytes, out var decoded);
        Assert.Equal(status == DecodeStatus.Ok, decoded is not null);
        if (decoded is null)
        {
            return false;
        }

        var encoded = SpinPetEventEncoder.Encode(decoded);
        Assert.True(encoded.Length <= bytes.Length && bytes.AsSpan(0, encoded.Length).SequenceEqual(encoded));
        return true;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = new List<byte>(valid);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(5))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3 when at < bytes.Count:
                    bytes.RemoveRange(at, random.Next(1, bytes.Count - at + 1));
                    break;
                case 4 when at + 4 <= bytes.Count:
                    var length = new byte[4];
                    BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)random.Next(0, 64));
                    bytes.RemoveRange(at, 4);
                    bytes.InsertRange(at, length);
                    break;
            }
        }

        return [.. bytes];
    }
}

using System.Buffers.Binary;
using System.Text;
using Spin.Chain.SpinPet;
using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Storage;

/// <summary>The stored form of an event: <c>slot(8) | blockTime(8) | index(4) | sigLen(1) | signature | payload</c>,
/// where the payload is the program's own Borsh bytes, so storage and chain share one layout.</summary>
public static class EventRecordCodec
{
    private const int HeaderLength = 21;

    /// <summary>Encodes an event for the Events column family.</summary>
    public static byte[] Encode(ChainEvent value)
    {
        var payload = SpinPetEventEncoder.Encode(value.Body);
        var signatureLength = Encoding.ASCII.GetByteCount(value.Id.Signature);
        var buffer = new byte[HeaderLength + signatureLength + payload.Length];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value.Slot);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(8), value.BlockTime);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(16), value.Id.Index);
        buffer[20] = checked((byte)signatureLength);
        Encoding.ASCII.GetBytes(value.Id.Signature, buffer.AsSpan(HeaderLength));
        payload.CopyTo(buffer.AsSpan(HeaderLength + signatureLength));
        return buffer;
    }

    /// <summary>Reads only the slot of a stored record.</summary>
    public static ulong ReadSlot(ReadOnlySpan<byte> record) => BinaryPrimitives.ReadUInt64BigEndian(record);

    /// <summary>Decodes a stored record; throws <see cref="InvalidDataException"/> on a corrupt record.</summary>
    public static ChainEvent Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length < HeaderLength || record.Length < HeaderLength + record[20])
        {
            throw new InvalidDataException("Stored event record is shorter than its header.");
        }

        var signatureLength = record[20];
        var signature = Encoding.ASCII.GetString(record.Slice(HeaderLength, signatureLength));
        var status = SpinPetEventDecoder.TryDecode(record[(HeaderLength + signatureLength)..], out var body);
        if (body is null)
        {
            throw new InvalidDataException($"Stored event {signature} does not decode: {status}.");
        }

        return new ChainEvent(
            new EventId(signature, BinaryPrimitives.ReadInt32BigEndian(record[16..])),
            BinaryPrimitives.ReadUInt64BigEndian(record),
            BinaryPrimitives.ReadInt64BigEndian(record[8..]),
            body);
    }
}

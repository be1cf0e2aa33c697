using System;
using System.Buffers.Binary;

namespace RnnGen.Import;

/// <summary>
/// PureHDF reads an attribute's data as soon as it decodes the attribute message, into an array sized by the
/// message's own dataspace and datatype, before anything can check it. A corrupt or hostile file can therefore make
/// it allocate up to 2 GB. This pass runs first: it finds version-1 object headers (what h5py and Keras write), walks
/// their messages and continuation blocks, and refuses the file when an attribute claims more data than its message
/// holds. It checks only what it recognises; PureHDF's own checks and <see cref="Hdf5Input"/> cover the rest.
/// </summary>
internal static class Hdf5AttributePrecheck
{
    private const int AttributeMessage = 0x0C;
    private const int ContinuationMessage = 0x10;

    public static void Check(ReadOnlySpan<byte> file, string format)
    {
        for (int at = 0; at + 16 <= file.Length; at++)
        {
            // Version-1 prefix: version 1, reserved 0, message count, reference count, header size, 4 reserved bytes.
            if (file[at] != 1 || file[at + 1] != 0)
            {
                continue;
            }

            int messages = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(at + 2));
            uint references = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(at + 4));
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(at + 8));
            if (messages is 0 or > 4096 || references is 0 or > 65536 || size == 0 || size % 8 != 0 || size > file.Length - at - 16)
            {
                continue;
            }

            if (Walk(file, at + 16, (int)size, format, dryRun: true))
            {
                Walk(file, at + 16, (int)size, format, dryRun: false);
            }
        }
    }

    /// <summary>Whether the block parses as a run of messages; when not a dry run, throws on an attribute that claims too much.</summary>
    private static bool Walk(ReadOnlySpan<byte> file, int start, int length, string format, bool dryRun)
    {
        int position = start;
        int end = start + length;
        while (position + 8 <= end)
        {
            int type = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(position));
            int size = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(position + 2));
            if (type > 0x18 || size % 8 != 0 || position + 8 + size > end)
            {
                return false;
            }

            ReadOnlySpan<byte> body = file.Slice(position + 8, size);
            if (!dryRun && type == AttributeMessage)
            {
                CheckAttribute(body, position, format);
            }

            if (!dryRun && type == ContinuationMessage && size >= 16)
            {
                ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(body);
                ulong blockLength = BinaryPrimitives.ReadUInt64LittleEndian(body.Slice(8));
                if (offset < (ulong)file.Length && blockLength <= (ulong)file.Length - offset && Walk(file, (int)offset, (int)blockLength, format, dryRun: true))
                {
                    Walk(file, (int)offset, (int)blockLength, format, dryRun: false);
                }
            }

            position += 8 + size;
        }

        return position == end;
    }

    private static void CheckAttribute(ReadOnlySpan<byte> message, int where, string format)
    {
        if (message.Length < 8 || message[0] is not (1 or 2 or 3))
        {
            return;
        }

        int version = message[0];
        int nameSize = BinaryPrimitives.ReadUInt16LittleEndian(message.Slice(2));
        int typeSize = BinaryPrimitives.ReadUInt16LittleEndian(message.Slice(4));
        int spaceSize = BinaryPrimitives.ReadUInt16LittleEndian(message.Slice(6));
        int header = version == 3 ? 9 : 8;
        int Pad(int n) => version == 1 ? (n + 7) / 8 * 8 : n;
        long typeAt = header + Pad(nameSize);
        long spaceAt = typeAt + Pad(typeSize);
        long dataAt = spaceAt + Pad(spaceSize);
        if (typeSize < 8 || spaceSize < 4 || dataAt > message.Length)
        {
            throw Corrupt(where, format, "its name, type and dataspace overrun the message");
        }

        ulong elementSize = BinaryPrimitives.ReadUInt32LittleEndian(message.Slice((int)typeAt + 4));
        ReadOnlySpan<byte> space = message.Slice((int)spaceAt, spaceSize);
        int rank = space[1];
        int dimensionsAt = space[0] == 1 ? 8 : 4;
        if (dimensionsAt + (8 * rank) > space.Length)
        {
            throw Corrupt(where, format, $"its dataspace of rank {rank} overruns the message");
        }

        ulong bytes = elementSize;
        ulong available = (ulong)(message.Length - dataAt);
        for (int d = 0; d < rank; d++)
        {
            ulong dimension = BinaryPrimitives.ReadUInt64LittleEndian(space.Slice(dimensionsAt + (8 * d)));
            if (dimension != 0 && bytes > available / dimension)
            {
                throw Corrupt(where, format, $"it declares more data than the {available} bytes its message holds");
            }

            bytes *= dimension;
        }

        if (bytes > available)
        {
            throw Corrupt(where, format, $"it declares {bytes} bytes of data but its message holds {available}");
        }
    }

    private static ModelImportException Corrupt(int where, string format, string problem) =>
        new($"{format}: the attribute message at byte {where} is corrupt: {problem}.");
}

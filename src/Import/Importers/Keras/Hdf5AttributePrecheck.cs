using System;
using System.Buffers.Binary;

namespace RnnGen.Import;

/// <summary>
/// PureHDF reads an attribute's data as soon as it decodes the attribute message, into an array sized by the
/// message's own dataspace and datatype, before anything can check it. A corrupt or hostile file can therefore make
/// it allocate up to 2 GB. This pass runs first: it finds version-1 object headers (what h5py and Keras write by
/// default) and version-2 ones (<c>OHDR</c>, written with <c>libver="latest"</c>), walks their messages and
/// continuation blocks, and refuses the file when an attribute claims more data than its message holds. It checks only what it recognises; PureHDF's own checks and <see cref="Hdf5Input"/> cover the rest.
/// </summary>
internal static class Hdf5AttributePrecheck
{
    private const int AttributeMessage = 0x0C;
    private const int ContinuationMessage = 0x10;

    // Continuation blocks followed from one header: real files use a few; a loop of them in a corrupt file must end.
    private const int MaxContinuations = 32;

    public static void Check(ReadOnlySpan<byte> file, string format)
    {
        CheckVersion2(file, format);
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

            if (Walk(file, at + 16, (int)size, format, dryRun: true, depth: 0))
            {
                Walk(file, at + 16, (int)size, format, dryRun: false, depth: 0);
            }
        }
    }

    /// <summary>Whether the block parses as a run of messages; when not a dry run, throws on an attribute that claims too much.</summary>
    private static bool Walk(ReadOnlySpan<byte> file, int start, int length, string format, bool dryRun, int depth)
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

            if (!dryRun && type == ContinuationMessage && size >= 16 && depth < MaxContinuations)
            {
                ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(body);
                ulong blockLength = BinaryPrimitives.ReadUInt64LittleEndian(body.Slice(8));
                if (offset < (ulong)file.Length && blockLength <= (ulong)file.Length - offset && Walk(file, (int)offset, (int)blockLength, format, dryRun: true, depth + 1))
                {
                    Walk(file, (int)offset, (int)blockLength, format, dryRun: false, depth + 1);
                }
            }

            position += 8 + size;
        }

        return position == end;
    }

    /// <summary>Version-2 headers start with "OHDR" (continuation blocks with "OCHK"); messages have a 1-byte type.</summary>
    private static void CheckVersion2(ReadOnlySpan<byte> file, string format)
    {
        ReadOnlySpan<byte> signature = "OHDR"u8;
        for (int at = file.IndexOf(signature); at >= 0;)
        {
            if (at + 7 <= file.Length && file[at + 4] == 2)
            {
                int flags = file[at + 5];
                int position = at + 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
                int sizeBytes = 1 << (flags & 3);
                if (position + sizeBytes <= file.Length)
                {
                    ulong chunk = 0;
                    for (int b = sizeBytes - 1; b >= 0; b--)
                    {
                        chunk = (chunk << 8) | file[position + b];
                    }

                    position += sizeBytes;
                    if (chunk <= (ulong)(file.Length - position))
                    {
                        WalkVersion2(file, position, (int)chunk, flags, format, depth: 0);
                    }
                }
            }

            int next = file.Slice(at + 4).IndexOf(signature);
            at = next < 0 ? -1 : at + 4 + next;
        }
    }

    private static void WalkVersion2(ReadOnlySpan<byte> file, int start, int length, int headerFlags, string format, int depth)
    {
        int header = (headerFlags & 0x04) != 0 ? 6 : 4; // type, size, flags [, creation order]
        int position = start;
        int end = start + length;
        while (position + header <= end)
        {
            int type = file[position];
            int size = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(position + 1));
            if (position + header + size > end)
            {
                return; // not a message run this pass understands; PureHDF will judge it
            }

            ReadOnlySpan<byte> body = file.Slice(position + header, size);
            if (type == AttributeMessage)
            {
                CheckAttribute(body, position, format);
            }
            else if (type == ContinuationMessage && size >= 16 && depth < MaxContinuations)
            {
                ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(body);
                ulong blockLength = BinaryPrimitives.ReadUInt64LittleEndian(body.Slice(8));
                // An OCHK block: signature, messages, 4-byte checksum.
                if (offset <= (ulong)file.Length && blockLength >= 8 && blockLength <= (ulong)file.Length - offset
                    && file.Slice((int)offset, 4).SequenceEqual("OCHK"u8))
                {
                    WalkVersion2(file, (int)offset + 4, (int)blockLength - 8, headerFlags, format, depth + 1);
                }
            }

            position += header + size;
        }
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

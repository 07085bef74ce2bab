namespace NetControl.Messaging.StoreAndForward;

/// <summary>CRC-32 (IEEE 802.3 polynomial, reflected) for journal record integrity.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Starting state of an incremental computation.</summary>
    public const uint Initial = 0xFFFFFFFFu;

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Initial, data));

    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            state = Table[(state ^ b) & 0xFF] ^ (state >> 8);
        }

        return state;
    }

    public static uint Finish(uint state) => ~state;

    private static uint[] BuildTable()
    {
        const uint polynomial = 0xEDB88320u;
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint value = i;
            for (int bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ polynomial : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }
}

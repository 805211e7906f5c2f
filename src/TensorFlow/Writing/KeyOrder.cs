namespace Cortex.Queue.TensorFlow.Writing;

/// <summary>
/// LevelDB's bytewise key shortening for index blocks: any key at or after a block's last key and before the next
/// block's first key will do, and the shortest keeps the index small. Matching LevelDB here makes our tables
/// byte-identical to TensorFlow's.
/// </summary>
internal static class KeyOrder
{
    /// <summary>A short key k with start &lt;= k &lt; limit.</summary>
    public static byte[] ShortestSeparator(byte[] start, byte[] limit)
    {
        var common = 0;
        var shorter = Math.Min(start.Length, limit.Length);
        while (common < shorter && start[common] == limit[common])
        {
            common++;
        }
        if (common >= shorter)
        {
            // One key is a prefix of the other: no shorter separator exists.
            return start;
        }
        var differing = start[common];
        if (differing < 0xff && differing + 1 < limit[common])
        {
            var separator = start[..(common + 1)];
            separator[common]++;
            return separator;
        }
        return start;
    }

    /// <summary>A short key at or after <paramref name="key"/> (for the last block, which has no next key).</summary>
    public static byte[] ShortSuccessor(byte[] key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != 0xff)
            {
                var successor = key[..(i + 1)];
                successor[i]++;
                return successor;
            }
        }
        return key;
    }
}

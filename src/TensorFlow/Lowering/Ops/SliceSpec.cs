using Cortex.Queue.TensorFlow.Graphs;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// A StridedSlice's masks resolved to axes. Entries before the ellipsis (or all of them, when there is none, since TF
/// then slices leading axes and keeps the rest) count axes from the front; entries after it count from the back.
/// </summary>
internal sealed class SliceSpec
{
    private readonly long _shrinkMask;

    public SliceSpec(FlatNode node, int length)
    {
        _shrinkMask = node.Int("shrink_axis_mask", 0);
        var ellipsisMask = node.Int("ellipsis_mask", 0);
        var newAxisMask = node.Int("new_axis_mask", 0);
        var ellipsis = Enumerable.Range(0, length).Where(i => (ellipsisMask & (1L << i)) != 0).Select(i => (int?)i).FirstOrDefault();
        var entries = new List<SliceSpecEntry>();
        long inputAxis = 0;
        long outputAxis = 0;
        for (var i = 0; i < (ellipsis ?? length); i++)
        {
            if ((newAxisMask & (1L << i)) != 0)
            {
                entries.Add(new SliceSpecEntry(i, null, outputAxis++));
            }
            else
            {
                entries.Add(new SliceSpecEntry(i, inputAxis++, null));
                outputAxis += IsShrink(i) ? 0 : 1;
            }
        }
        if (ellipsis is { } e)
        {
            long inputFromEnd = -1;
            long outputFromEnd = -1;
            for (var i = length - 1; i > e; i--)
            {
                if ((newAxisMask & (1L << i)) != 0)
                {
                    entries.Add(new SliceSpecEntry(i, null, outputFromEnd--));
                }
                else
                {
                    entries.Add(new SliceSpecEntry(i, inputFromEnd--, null));
                    outputFromEnd -= IsShrink(i) ? 0 : 1;
                }
            }
        }
        Entries = entries;
    }

    public IReadOnlyList<SliceSpecEntry> Entries { get; }

    public bool IsShrink(int index) => (_shrinkMask & (1L << index)) != 0;

    public static bool HasBit(FlatNode node, string mask, int index) => (node.Int(mask, 0) & (1L << index)) != 0;
}

using System.Text;
using Cortex.Queue.TensorFlow.Variables;
using Cortex.Queue.TensorFlow.Writing;

namespace Cortex.Queue.TensorFlow.Tests.Writing;

public sealed class SortedTableWriterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Many_keys_across_many_blocks_read_back_in_order(bool snappy)
    {
        var writer = new SortedTableWriter(snappy, blockSize: 256);
        var expected = Enumerable.Range(0, 1000).Select(i => ($"layer_{i / 10:D3}/kernel_{i % 10}", Encoding.UTF8.GetBytes(new string('v', i % 50)))).ToList();
        foreach (var (key, value) in expected)
        {
            writer.Add(key, value);
        }

        var entries = SortedTableReader.FromBytes(writer.ToBytes(), "written table").Entries().ToList();

        Assert.Equal(expected.Select(e => e.Item1), entries.Select(e => e.Key));
        Assert.Equal(expected.Select(e => e.Item2), entries.Select(e => e.Value));
    }

    [Fact]
    public void Keys_out_of_order_are_refused()
    {
        var writer = new SortedTableWriter();
        writer.Add("b", []);
        Assert.Throws<ArgumentException>(() => writer.Add("a", []));
    }

    [Fact]
    public void An_empty_table_is_still_a_valid_table()
    {
        Assert.Empty(SortedTableReader.FromBytes(new SortedTableWriter().ToBytes(), "empty").Entries());
    }
}

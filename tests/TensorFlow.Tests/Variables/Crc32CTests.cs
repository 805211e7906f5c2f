using System.Text;
using Cortex.Queue.TensorFlow.Variables;

namespace Cortex.Queue.TensorFlow.Tests.Variables;

public sealed class Crc32CTests
{
    [Fact]
    public void Checksum_of_the_standard_check_string_is_the_published_castagnoli_value()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Extending_in_pieces_gives_the_same_checksum_as_one_pass()
    {
        var data = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
        var whole = Crc32C.Compute(data);
        var pieces = Crc32C.Extend(Crc32C.Compute(data.AsSpan(0, 10)), data.AsSpan(10));
        Assert.Equal(whole, pieces);
        Assert.Equal(0x22620404u, whole);
    }

    [Fact]
    public void Masking_changes_the_value_and_unmasking_restores_it()
    {
        const uint crc = 0xE3069283u;
        var masked = Crc32C.Mask(crc);
        Assert.NotEqual(crc, masked);
        Assert.Equal(crc, Crc32C.Unmask(masked));
    }
}

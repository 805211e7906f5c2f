using static Cortex.Queue.Tensors.Tests.Signatures;

namespace Cortex.Queue.Tensors.Tests;

public class ElementConversionTests
{
    private static Array ParseBatch(TensorDataType type, string values) =>
        SampleParser.Parse(JsonText.Parse(values), Single(type, -1)).Inputs["x"].Data;

    private static string ErrorFor(TensorDataType type, string values) =>
        Assert.Throws<SampleException>(() => SampleParser.Parse(JsonText.Parse(values), Single(type, -1))).Message;

    [Fact]
    public void Float32_takes_numbers_at_their_nearest_float_value()
    {
        var data = Assert.IsType<float[]>(ParseBatch(TensorDataType.Float32, "[1, 2.5, -3e2, 0.1]"));
        Assert.Equal([1f, 2.5f, -300f, 0.1f], data);
    }

    [Fact]
    public void Float32_rejects_a_number_beyond_its_range()
    {
        Assert.Equal("input 'x': expected a number within the range of float32 (±3.4028235E+38) at x[1], got 1e39",
            ErrorFor(TensorDataType.Float32, "[1, 1e39]"));
    }

    [Fact]
    public void Float32_rejects_a_string_that_is_not_a_number_name()
    {
        Assert.Equal("input 'x': expected a number for float32 at x[1], got \"abc\"",
            ErrorFor(TensorDataType.Float32, "[1, \"abc\"]"));
    }

    [Fact]
    public void Float_inputs_accept_NaN_and_infinity_spelled_as_strings()
    {
        var data = Assert.IsType<float[]>(ParseBatch(TensorDataType.Float32, "[\"NaN\", \"Infinity\", \"-Infinity\"]"));
        Assert.True(float.IsNaN(data[0]));
        Assert.Equal(float.PositiveInfinity, data[1]);
        Assert.Equal(float.NegativeInfinity, data[2]);
    }

    [Fact]
    public void Float64_keeps_full_double_precision()
    {
        var data = Assert.IsType<double[]>(ParseBatch(TensorDataType.Float64, "[0.1, 1e300, -2.2250738585072014E-308]"));
        Assert.Equal([0.1, 1e300, -2.2250738585072014E-308], data);
    }

    [Fact]
    public void Float64_rejects_a_number_that_overflows_a_double()
    {
        Assert.StartsWith("input 'x': expected a number within the range of float64",
            ErrorFor(TensorDataType.Float64, "[1e400]"));
    }

    [Fact]
    public void Float16_rounds_to_half_precision()
    {
        var data = Assert.IsType<Half[]>(ParseBatch(TensorDataType.Float16, "[0.5, 0.1, 65504]"));
        Assert.Equal([(Half)0.5, (Half)0.1, Half.MaxValue], data);
    }

    [Fact]
    public void Float16_rejects_a_number_beyond_65504()
    {
        Assert.Equal("input 'x': expected a number within the range of float16 (±65504) at x[0], got 70000",
            ErrorFor(TensorDataType.Float16, "[70000]"));
    }

    [Fact]
    public void BFloat16_keeps_the_upper_half_of_the_float32_bits()
    {
        var data = Assert.IsType<BrainFloat16[]>(ParseBatch(TensorDataType.BFloat16, "[1, -2, 3e38]"));
        Assert.Equal((ushort)0x3F80, data[0].Bits);
        Assert.Equal((ushort)0xC000, data[1].Bits);
        Assert.Equal(3e38f, (float)data[2], 0.01e38f);
    }

    [Fact]
    public void BFloat16_rejects_a_number_that_rounds_to_infinity()
    {
        Assert.StartsWith("input 'x': expected a number within the range of bfloat16",
            ErrorFor(TensorDataType.BFloat16, "[3.4e38]"));
    }

    [Fact]
    public void Integers_written_with_a_fraction_or_exponent_are_accepted_when_integral()
    {
        var data = Assert.IsType<long[]>(ParseBatch(TensorDataType.Int64, "[3.0, 1e3, -0.0, -7]"));
        Assert.Equal([3L, 1000L, 0L, -7L], data);
    }

    [Fact]
    public void A_fractional_number_for_an_integer_input_names_its_position()
    {
        var signature = Single(TensorDataType.Int64, -1, 3);
        var error = Assert.Throws<SampleException>(() => SampleParser.Parse(JsonText.Parse("[[1, 2, 3], [4, 5, 3.5]]"), signature));
        Assert.Equal("input 'x': expected an integer for int64 at x[1][2], got 3.5", error.Message);
        Assert.Equal("x", error.InputName);
    }

    [Fact]
    public void Uint8_rejects_300_and_states_its_range()
    {
        Assert.Equal("input 'x': expected an integer in [0, 255] for uint8 at x[1], got 300",
            ErrorFor(TensorDataType.UInt8, "[255, 300]"));
    }

    [Fact]
    public void Unsigned_inputs_reject_negative_numbers()
    {
        Assert.Equal("input 'x': expected an integer in [0, 4294967295] for uint32 at x[0], got -1",
            ErrorFor(TensorDataType.UInt32, "[-1]"));
    }

    [Theory]
    [InlineData(TensorDataType.Int8, "[-128, 127]", "[128]", "[-128, 127]")]
    [InlineData(TensorDataType.Int16, "[-32768, 32767]", "[-32769]", "[-32768, 32767]")]
    [InlineData(TensorDataType.Int32, "[-2147483648, 2147483647]", "[2147483648]", "[-2147483648, 2147483647]")]
    [InlineData(TensorDataType.Int64, "[-9223372036854775808, 9223372036854775807]", "[9223372036854775808]", "[-9223372036854775808, 9223372036854775807]")]
    [InlineData(TensorDataType.UInt16, "[0, 65535]", "[65536]", "[0, 65535]")]
    [InlineData(TensorDataType.UInt64, "[0, 18446744073709551615]", "[18446744073709551616]", "[0, 18446744073709551615]")]
    public void Integer_inputs_take_their_whole_range_and_nothing_beyond(TensorDataType type, string edges, string beyond, string rangeText)
    {
        var data = ParseBatch(type, edges);
        Assert.Equal(2, data.Length);
        Assert.Contains($"expected an integer in {rangeText} for {type.ToWireName()} at x[0]", ErrorFor(type, beyond));
    }

    [Fact]
    public void Extreme_64_bit_values_arrive_exactly()
    {
        Assert.Equal([long.MinValue, long.MaxValue], (long[])ParseBatch(TensorDataType.Int64, "[-9223372036854775808, 9223372036854775807]"));
        Assert.Equal([ulong.MaxValue], (ulong[])ParseBatch(TensorDataType.UInt64, "[18446744073709551615]"));
    }

    [Fact]
    public void An_integer_input_does_not_take_a_numeric_string()
    {
        Assert.Equal("input 'x': expected an integer for int32 at x[0], got \"3\"", ErrorFor(TensorDataType.Int32, "[\"3\"]"));
    }

    [Fact]
    public void Bool_takes_true_false_zero_and_one()
    {
        var data = Assert.IsType<bool[]>(ParseBatch(TensorDataType.Bool, "[true, false, 1, 0]"));
        Assert.Equal([true, false, true, false], data);
    }

    [Theory]
    [InlineData("[2]", "2")]
    [InlineData("[\"true\"]", "\"true\"")]
    [InlineData("[null]", "null")]
    public void Bool_rejects_anything_else(string values, string shown)
    {
        Assert.Equal($"input 'x': expected true, false, 0 or 1 for bool at x[0], got {shown}", ErrorFor(TensorDataType.Bool, values));
    }

    [Fact]
    public void String_inputs_keep_text_as_text()
    {
        var data = Assert.IsType<string[]>(ParseBatch(TensorDataType.String, "[\"héllo\", \"\"]"));
        Assert.Equal(["héllo", ""], data);
    }

    [Fact]
    public void String_inputs_reject_numbers()
    {
        Assert.Equal("input 'x': expected a string or {\"b64\": \"...\"} for string at x[0], got 5", ErrorFor(TensorDataType.String, "[5]"));
    }
}

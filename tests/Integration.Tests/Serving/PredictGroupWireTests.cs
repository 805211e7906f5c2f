using System.Text;
using Cortex.Queue.Contracts;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>The binary group messages between ingress and worker: what goes in comes out, and a damaged body is refused saying where.</summary>
public sealed class PredictGroupWireTests
{
    [Fact]
    public void A_group_of_samples_comes_out_as_it_went_in_with_ids_flags_and_bytes()
    {
        CoalescedSample[] samples =
        [
            new("0193a1b2c3d4e5f60718293a4b5c6d7e", false, Encoding.UTF8.GetBytes("""{"x": [1, 2, 3]}""")),
            new("id-ä-日本", true, Encoding.UTF8.GetBytes("""{"text": "grüße"}""")),
            new("empty-body", false, []),
        ];

        var decoded = PredictGroupCodec.Decode(PredictGroupCodec.Encode(samples));

        Assert.Equal(samples.Length, decoded.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(samples[i].RequestId, decoded[i].RequestId);
            Assert.Equal(samples[i].Debug, decoded[i].Debug);
            Assert.Equal(samples[i].Body, decoded[i].Body);
        }
    }

    [Fact]
    public void Replies_keep_their_order_status_timings_and_absent_texts()
    {
        PredictReply[] replies =
        [
            new(200, """{"label": "iris-setosa"}""", null, null, 17, 1.25, 0.5, "worker-1"),
            new(406, null, "prediction failed: shape [5] does not fit [?, 4]", """{"stages": []}""", 17, 1.25, 0.0, "worker-1"),
        ];

        var decoded = PredictGroupReplyCodec.Decode(PredictGroupReplyCodec.Encode(replies));

        Assert.Equal(replies, decoded);
    }

    [Fact]
    public void A_truncated_group_is_refused_naming_the_sample_where_it_breaks()
    {
        var body = PredictGroupCodec.Encode([new("a", false, Encoding.UTF8.GetBytes("[1, 2]")), new("b", false, Encoding.UTF8.GetBytes("[3, 4]"))]);

        var error = Assert.Throws<FormatException>(() => PredictGroupCodec.Decode(body.AsSpan(0, body.Length - 3)));

        Assert.Contains("sample 1", error.Message);
    }

    [Fact]
    public void A_body_of_another_format_is_refused_instead_of_read_as_a_group()
    {
        var error = Assert.Throws<FormatException>(() => PredictGroupCodec.Decode(Encoding.UTF8.GetBytes("""{"x": [1, 2, 3]}""")));
        Assert.Contains("version", error.Message);
        Assert.Throws<FormatException>(() => PredictGroupCodec.Decode([1, 255, 255, 255, 127]));
        Assert.Throws<FormatException>(() => PredictGroupReplyCodec.Decode([1, 3, 0, 0, 0]));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cortex.Queue.Contracts;

/// <summary>
/// One prediction request on <c>predict-{api}</c>. The message body is the sample itself (the JSON a user POSTs),
/// so raw AMQP clients can publish a plain JSON sample; everything else travels in headers
/// (<see cref="CortexHeaders"/>) or AMQP properties (message_id, reply_to).
/// </summary>
[JsonConverter(typeof(PredictRequestJsonConverter))]
public sealed record PredictRequest(JsonElement Sample);

using Cortex.Queue.Config.Validation;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Resources;

/// <summary>What reading one API produced, with what the checks across APIs (unique names and endpoints) need.</summary>
/// <param name="Config">The resolved API, or null when a required part could not be read.</param>
/// <param name="Endpoint">The endpoint the API will have, or null when neither it nor the names it defaults from are valid.</param>
/// <param name="ExplicitEndpoint">The <c>endpoint:</c> value node when the user wrote one.</param>
internal sealed record ApiReadResult(ApiConfig? Config, FieldValue<string> Name, string? Endpoint, YamlNode? ExplicitEndpoint, YamlNode Anchor);

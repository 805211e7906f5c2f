using System.Text;
using System.Text.Json;
using Cortex.Queue.Runtime;
using Cortex.Queue.Tensors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cortex.Queue.Bench.Serving;

/// <summary>
/// The baseline: a route on the same Kestrel server that parses the body the way the ingress and worker do and
/// calls the model in-process at once (no queue, no batching), then writes the answer with the worker's writer.
/// </summary>
public static class DirectPredictRoute
{
    public static string PathFor(string apiName) => $"/bench-direct/{apiName}";

    public static void Map(IEndpointRouteBuilder routes, string apiName, IModel model)
    {
        routes.MapPost(PathFor(apiName), async (HttpContext http) =>
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted).ConfigureAwait(false);
            ParsedSample sample;
            try
            {
                sample = SampleParser.Parse(document.RootElement, model.Signature);
            }
            catch (SampleException exception)
            {
                return Results.BadRequest(exception.Message);
            }
            var outputs = model.Run(TensorBatch.Stack([sample], model.Signature));
            var perSample = TensorBatch.Split(outputs, [sample.Rows]);
            return Results.Text(TensorJsonWriter.WriteOutputs(perSample[0], dropLeadingAxis: !sample.IsBatched), "application/json", Encoding.UTF8);
        });
    }
}

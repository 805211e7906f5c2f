using Microsoft.AspNetCore.Http;

namespace Cortex.Queue.Ingress.Endpoints;

/// <summary>
/// A caller's X-Request-Id is kept (so logs join up across systems); otherwise a fresh id is made. Fresh ids are
/// version 7 UUIDs: they sort by time, so the prediction stores, keyed by (api, request_id), append at the end of
/// their index instead of writing into random pages of it (random ids made every insert touch a cold page).
/// </summary>
public static class RequestIds
{
    public const string HeaderName = "X-Request-Id";

    public static string For(HttpContext context)
    {
        var given = context.Request.Headers[HeaderName].ToString();
        var id = given.Length is > 0 and <= 128 ? given : Guid.CreateVersion7().ToString("N");
        context.Response.Headers[HeaderName] = id;
        return id;
    }
}

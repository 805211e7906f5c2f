using Microsoft.AspNetCore.Http;

namespace Cortex.Queue.Ingress.Endpoints;

/// <summary>A caller's X-Request-Id is kept (so logs join up across systems); otherwise a fresh id is made.</summary>
public static class RequestIds
{
    public const string HeaderName = "X-Request-Id";

    public static string For(HttpContext context)
    {
        var given = context.Request.Headers[HeaderName].ToString();
        var id = given.Length is > 0 and <= 128 ? given : Guid.NewGuid().ToString("N");
        context.Response.Headers[HeaderName] = id;
        return id;
    }
}

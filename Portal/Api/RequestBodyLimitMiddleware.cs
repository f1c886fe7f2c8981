using Microsoft.Extensions.Options;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Api;

/// <summary>
/// Rejects a declared oversized body before any endpoint reads it. Kestrel enforces the same limit for
/// chunked bodies while they are read; this gives the same clear 413 on every server.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<WebOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            var detail = $"The body is {context.Request.ContentLength} bytes; the limit is {limit} bytes (Portal:Http:MaxRequestBodyBytes).";
            if (ApiPaths.IsApi(context))
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", detail);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(detail);
            }
            return;
        }
        await next(context);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace NutPortal.Web.Api;

/// <summary>
/// Turns exceptions on API routes into problem details: malformed JSON names the field and position, an
/// oversized body gives 413, anything else a 500 without a stack trace. Pages fall through to /error.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already switched Request.Path to the error page; the feature keeps the original.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!ApiPaths.IsApi(path))
        {
            return false;
        }
        switch (exception)
        {
            case BadHttpRequestException { InnerException: JsonException json }:
                var field = string.IsNullOrEmpty(json.Path) ? "body" : json.Path;
                await ProblemResponses.WriteAsync(httpContext, StatusCodes.Status400BadRequest, "Malformed JSON",
                    $"The request body is not valid JSON at {field} (line {json.LineNumber + 1}, position {json.BytePositionInLine}).",
                    new Dictionary<string, string[]> { [field] = [json.Message.Split(" Path:")[0]] });
                return true;
            case BadHttpRequestException bad:
                var title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request";
                await ProblemResponses.WriteAsync(httpContext, bad.StatusCode, title, bad.Message);
                return true;
            default:
                logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, path);
                await ProblemResponses.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "Server error",
                    $"The portal could not complete the request. Trace id: {httpContext.TraceIdentifier}.");
                return true;
        }
    }
}

using Microsoft.Extensions.Options;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Api;

/// <summary>
/// Answers an overlong query string with 414 and a body naming the limit (problem details on API routes),
/// before routing or sign-in spend anything on it. Kestrel's own request-line limit is raised far above this
/// one (<see cref="WebOptions.MaxRequestLineBytes"/>) so that such requests reach this middleware instead of
/// getting Kestrel's bare 414 or a dropped connection.
/// </summary>
internal sealed class QueryStringLimitMiddleware(RequestDelegate next, IOptions<WebOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxQueryStringLength;
        var length = context.Request.QueryString.Value?.Length ?? 0;
        if (length > limit)
        {
            var detail = $"The query string is {length} characters; the limit is {limit} characters (Portal:Http:MaxQueryStringLength).";
            if (ApiPaths.IsApi(context))
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status414UriTooLong, "Query string too long", detail);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(detail);
            }
            return;
        }
        await next(context);
    }
}

using NutPortal.Core.DappStore;

namespace NutPortal.Web.Api;

/// <summary>Store and community outcomes as HTTP: 404 for what the caller cannot see, 403 problem naming who may, 400 with field errors.</summary>
internal static class StoreResults
{
    public static IResult ToResult<T>(this StoreResult<T> result, Func<T, IResult> ok, string title = "The request has invalid fields")
    {
        if (!result.Found)
        {
            return Results.NotFound();
        }
        if (result.Refusal is { } why)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: why);
        }
        return result.Errors.Count > 0 ? TypedResults.ValidationProblem(result.Errors, title: title) : ok(result.Value!);
    }
}

using AngleSharp.Html.Parser;

namespace NutPortal.Tests.Api;

/// <summary>Posts the real sign-in form (with its antiforgery token) the way a browser without scripts would.</summary>
internal static class SignIn
{
    public static async Task<string> PostAsync(HttpClient client, string email, string password)
    {
        var form = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/account/login"));
        var fields = form.QuerySelectorAll("form input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        return await response.Content.ReadAsStringAsync() + $"[status {(int)response.StatusCode} {response.Headers.Location}]";
    }
}

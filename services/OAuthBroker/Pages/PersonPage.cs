using System.Text;
using System.Text.Encodings.Web;

namespace Platform.OAuthBroker.Pages;

/// <summary>
/// One plain, accessible HTML page for a person in the connect flow: a title, a heading, a few sentences and at most
/// one form button. Every value is HTML-encoded; nothing on a page is a token, code, state or vault handle.
/// </summary>
public sealed record PersonPage(int StatusCode, string Title, IReadOnlyList<string> Paragraphs, PageForm? Form = null)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public IResult ToResult() => Results.Content(Render(), "text/html; charset=utf-8", Encoding.UTF8, StatusCode);

    public string Render()
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(Html.Encode(Title)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}")
            .Append("h1{font-size:1.5rem}button{font-size:1rem;padding:.6rem 1.2rem;cursor:pointer}</style>\n")
            .Append("</head>\n<body>\n<main>\n<h1>").Append(Html.Encode(Title)).Append("</h1>\n");
        foreach (var paragraph in Paragraphs)
        {
            html.Append("<p>").Append(Html.Encode(paragraph)).Append("</p>\n");
        }
        if (Form is { } form)
        {
            html.Append("<form method=\"post\" action=\"").Append(Html.Encode(form.Action)).Append("\">\n")
                .Append("<button type=\"submit\">").Append(Html.Encode(form.Button)).Append("</button>\n</form>\n");
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}

/// <summary>A form on a page: where it posts and what its one button says.</summary>
public sealed record PageForm(string Action, string Button);

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace PolicyTracker.Web.Features.Search;

/// <summary>A ts_headline snippet: the matched words in &lt;mark&gt;, everything as text nodes.</summary>
public sealed class SearchSnippet : ComponentBase
{
    [Parameter, EditorRequired] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "search-snippet");
        var rest = Text.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(SearchQueries.MarkStart, StringComparison.Ordinal);
            if (start < 0)
            {
                builder.AddContent(2, rest.ToString());
                break;
            }
            builder.AddContent(3, rest[..start].ToString());
            rest = rest[(start + SearchQueries.MarkStart.Length)..];
            var end = rest.IndexOf(SearchQueries.MarkEnd, StringComparison.Ordinal);
            var word = end < 0 ? rest : rest[..end];
            builder.OpenElement(4, "mark");
            builder.AddContent(5, word.ToString());
            builder.CloseElement();
            rest = end < 0 ? [] : rest[(end + SearchQueries.MarkEnd.Length)..];
        }
        builder.CloseElement();
    }
}

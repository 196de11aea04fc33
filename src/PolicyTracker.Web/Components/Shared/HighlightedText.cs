using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace PolicyTracker.Web.Components.Shared;

/// <summary>Report text with each extracted fact marked in its colour. Every piece of text is
/// added as a text node, so markup in a report (even a script tag) shows as plain characters.</summary>
public sealed class HighlightedText : ComponentBase
{
    public const string TargetId = "span-target";


    [Parameter] public IReadOnlyList<FactSpan> Spans { get; set; } = [];

    [Parameter] public (int Start, int Length)? Target { get; set; }

    // The text and the stretch of it shown (a text of one piece is shown whole). The text comes
    // through the window, not as a string parameter, which Blazor would send to the browser whole.
    [Parameter, EditorRequired] public TextWindow Window { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "source-text");
        builder.AddAttribute(2, "data-testid", "source-text");
        var targetMarked = false;
        foreach (var segment in Segmenter.Split(Window.Text, Spans, Target, window: Window.Range))
        {
            if (segment.Fact is null && !segment.Target)
            {
                builder.AddContent(3, segment.Text);
                continue;
            }
            builder.OpenElement(4, "mark");
            var css = "fact";
            if (segment.Fact is { } fact)
            {
                css += " " + Segmenter.CssClass(fact.Kind);
                builder.AddAttribute(5, "title", $"{fact.Kind.ToString().ToLowerInvariant()}: {fact.Label}");
                builder.AddAttribute(6, "data-kind", fact.Kind.ToString().ToLowerInvariant());
            }
            if (segment.Target)
            {
                css += " fact-target";
                if (!targetMarked)
                {
                    builder.AddAttribute(7, "id", TargetId);
                    builder.AddAttribute(8, "data-testid", TargetId);
                    targetMarked = true;
                }
            }
            builder.AddAttribute(9, "class", css);
            builder.AddContent(10, segment.Text);
            builder.CloseElement();
        }
        builder.CloseElement();
    }
}

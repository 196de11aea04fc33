using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.Web.Features.Brief;

/// <summary>The weekly brief as a file: Markdown and Word, the same content as the page, every link absolute
/// (<paramref name="site"/> is the app's address) so it still works once mailed.</summary>
public static class BriefText
{
    public static string Title(WeeklyBrief brief) => $"Weekly brief: {Day(brief.Start)} to {Day(brief.End)}";

    public static string FileName(WeeklyBrief brief, string extension) => $"weekly-brief-{brief.Start:yyyy-MM-dd}.{extension}";

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd (ddd)", CultureInfo.InvariantCulture);

    public static string SourceHref(Uri site, SourceRef s) => new Uri(site, $"/reports/{s.ReportId}?span={s.SpanStart}-{s.SpanLength}").ToString();

    public static string SourceLabel(SourceRef s) => s.Outlet is null ? s.Headline : $"{s.Outlet}: {s.Headline}";

    public static string Summary(WeeklyBrief b) =>
        $"{Count(b.TotalMeetings, "meeting")}, {Count(b.Adopted.Count, "document")} adopted, {Count(b.NewPeople.Count, "new person", "new people")}, {Count(b.NewBodies.Count, "new body", "new bodies")}.";

    private static string Count(int n, string one, string? many = null) =>
        $"{n.ToString("N0", CultureInfo.InvariantCulture)} {(n == 1 ? one : many ?? one + "s")}";

    public static string Markdown(WeeklyBrief brief, Uri site)
    {
        var md = new StringBuilder();
        string Link(string text, string path) => $"[{Escape(text)}]({new Uri(site, path)})";
        string Sources(IReadOnlyList<SourceRef> sources) =>
            sources.Count == 0 ? "" : " (" + string.Join(", ", sources.Select(s => $"[source]({SourceHref(site, s)} \"{Escape(SourceLabel(s)).Replace("\"", "'", StringComparison.Ordinal)}\")")) + ")";

        md.Append("# ").AppendLine(Title(brief)).AppendLine();
        md.AppendLine(Summary(brief)).AppendLine();
        md.AppendLine("## Meetings").AppendLine();
        if (brief.Meetings.Count == 0)
        {
            md.AppendLine("No published meeting this week.").AppendLine();
        }
        foreach (var m in brief.Meetings)
        {
            md.Append("### ").Append(Day(m.Date)).Append(": ").AppendLine(Link(m.Body, $"/meetings/{m.Id}")).AppendLine();
            if (m.Session is not null)
            {
                md.Append('*').Append(Escape(m.Session)).AppendLine("*  ");
            }
            if (m.Chair is not null)
            {
                md.Append("Chaired by ").Append(Escape(m.Chair)).AppendLine(".  ");
            }
            md.Append("Reported in: ").Append(string.Join(", ", m.Sources.Select(s => $"[{Escape(SourceLabel(s))}]({SourceHref(site, s)})"))).AppendLine().AppendLine();
            if (m.Resolutions.Count == 0)
            {
                md.AppendLine("No decision reported.").AppendLine();
            }
            foreach (var r in m.Resolutions)
            {
                md.Append("- ").Append(Escape(Capital(r.Verb))).Append(' ').Append(Escape(r.Text)).AppendLine(Sources(r.Sources));
            }
            foreach (var d in m.Documents)
            {
                md.Append("- ").Append(Capital(d.Action.ToString().ToLowerInvariant())).Append(": ").Append(Link(d.Title, $"/documents/{d.DocumentId}")).AppendLine(Sources(d.Sources));
            }
            md.AppendLine();
        }
        if (brief.MoreMeetings > 0)
        {
            md.Append("And ").Append(Count(brief.MoreMeetings, "more meeting")).Append(": ")
                .AppendLine(Link("all meetings of the week", $"/meetings?from={brief.Start:yyyy-MM-dd}&to={brief.End:yyyy-MM-dd}")).AppendLine();
        }

        md.AppendLine("## Documents adopted").AppendLine();
        AppendList(md, brief.Adopted.Select(d => $"{Link(d.Title, $"/documents/{d.DocumentId}")}, by {Escape(d.Body)} on {Day(d.Date)}{Sources(d.Sources)}"), "None this week.");
        md.AppendLine("## New people").AppendLine();
        AppendList(md, brief.NewPeople.Select(p => $"{Link(p.Name, $"/people/{p.Id}")} ({Count(p.Meetings, "meeting")})"), "None this week.");
        md.AppendLine("## New bodies").AppendLine();
        AppendList(md, brief.NewBodies.Select(b => $"{Link(b.Name, $"/bodies/{b.Id}")} ({Count(b.Meetings, "meeting")})"), "None this week.");
        return md.ToString();
    }

    private static void AppendList(StringBuilder md, IEnumerable<string> lines, string none)
    {
        var any = false;
        foreach (var line in lines)
        {
            md.Append("- ").AppendLine(line);
            any = true;
        }
        md.AppendLine(any ? "" : none + "\n");
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    // Report text goes out as written; only the characters Markdown would read as formatting are escaped.
    public static string Escape(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                b.Append('\\');
            }
            b.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return b.ToString();
    }

    public static byte[] Word(WeeklyBrief brief, Uri site)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);

            Paragraph Heading(string text, int level) =>
                new(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), Run(text));
            Paragraph Plain(params OpenXmlElement[] parts) => new(parts);
            Hyperlink Link(string text, string href)
            {
                var rel = main.AddHyperlinkRelationship(new Uri(href, UriKind.Absolute), true);
                return new Hyperlink(new Run(new RunProperties(new RunStyle { Val = "Hyperlink" }), Text(text))) { Id = rel.Id };
            }
            Hyperlink Page(string text, string path) => Link(text, new Uri(site, path).ToString());
            IEnumerable<OpenXmlElement> Sources(IReadOnlyList<SourceRef> sources)
            {
                for (var i = 0; i < sources.Count; i++)
                {
                    yield return Run(i == 0 ? " (" : ", ");
                    yield return Link(sources.Count == 1 ? "source" : $"source {i + 1}", SourceHref(site, sources[i]));
                }
                if (sources.Count > 0)
                {
                    yield return Run(")");
                }
            }
            Paragraph Bullet(IEnumerable<OpenXmlElement> parts) =>
                new(new OpenXmlElement[] { new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" }, new Indentation { Left = "360", Hanging = "240" }), Run("• ") }.Concat(parts));

            body.Append(Heading(Title(brief), 1));
            body.Append(Plain(Run(Summary(brief))));
            body.Append(Heading("Meetings", 2));
            if (brief.Meetings.Count == 0)
            {
                body.Append(Plain(Run("No published meeting this week.")));
            }
            foreach (var m in brief.Meetings)
            {
                body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading3" }), Run($"{Day(m.Date)}: "), Page(m.Body, $"/meetings/{m.Id}")));
                var facts = new List<OpenXmlElement>();
                if (m.Session is not null)
                {
                    facts.Add(Run(m.Session + ". "));
                }
                if (m.Chair is not null)
                {
                    facts.Add(Run($"Chaired by {m.Chair}. "));
                }
                facts.Add(Run("Reported in: "));
                for (var i = 0; i < m.Sources.Count; i++)
                {
                    facts.Add(Run(i == 0 ? "" : ", "));
                    facts.Add(Link(SourceLabel(m.Sources[i]), SourceHref(site, m.Sources[i])));
                }
                facts.Add(Run("."));
                body.Append(Plain([.. facts]));
                if (m.Resolutions.Count == 0)
                {
                    body.Append(Plain(Run("No decision reported.")));
                }
                foreach (var r in m.Resolutions)
                {
                    body.Append(Bullet([Run($"{Capital(r.Verb)} {r.Text}"), .. Sources(r.Sources)]));
                }
                foreach (var d in m.Documents)
                {
                    body.Append(Bullet([Run($"{Capital(d.Action.ToString().ToLowerInvariant())}: "), Page(d.Title, $"/documents/{d.DocumentId}"), .. Sources(d.Sources)]));
                }
            }
            if (brief.MoreMeetings > 0)
            {
                body.Append(Plain(Run($"And {Count(brief.MoreMeetings, "more meeting")}: "), Page("all meetings of the week", $"/meetings?from={brief.Start:yyyy-MM-dd}&to={brief.End:yyyy-MM-dd}")));
            }

            body.Append(Heading("Documents adopted", 2));
            Lines(brief.Adopted.Select(d => (IEnumerable<OpenXmlElement>)[Page(d.Title, $"/documents/{d.DocumentId}"), Run($", by {d.Body} on {Day(d.Date)}"), .. Sources(d.Sources)]));
            body.Append(Heading("New people", 2));
            Lines(brief.NewPeople.Select(p => (IEnumerable<OpenXmlElement>)[Page(p.Name, $"/people/{p.Id}"), Run($" ({Count(p.Meetings, "meeting")})")]));
            body.Append(Heading("New bodies", 2));
            Lines(brief.NewBodies.Select(b => (IEnumerable<OpenXmlElement>)[Page(b.Name, $"/bodies/{b.Id}"), Run($" ({Count(b.Meetings, "meeting")})")]));
            body.Append(new SectionProperties(new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U }));

            void Lines(IEnumerable<IEnumerable<OpenXmlElement>> lines)
            {
                var any = false;
                foreach (var line in lines)
                {
                    body.Append(Bullet(line));
                    any = true;
                }
                if (!any)
                {
                    body.Append(Plain(Run("None this week.")));
                }
            }
        }
        return stream.ToArray();
    }

    private static Run Run(string text) => new(Text(text));

    private static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        Style Heading(int level, int halfPoints) => new(
            new StyleName { Val = $"heading {level}" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = level == 1 ? "0" : "240", After = "80" }, new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "21" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "80" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading(1, 32), Heading(2, 26), Heading(3, 22),
            new Style(new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "ListParagraph" },
            new Style(new StyleName { Val = "Hyperlink" }, new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
            { Type = StyleValues.Character, StyleId = "Hyperlink" });
    }
}

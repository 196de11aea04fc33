using System.Globalization;
using System.Text;
using Npgsql;
using PolicyTracker.Data.Import;
using PolicyTracker.Extraction;
using static PolicyTracker.Data.Seed.Synthetic.Vocabulary;

namespace PolicyTracker.Data.Seed.Synthetic;

// Generates the archive in memory one batch at a time; deterministic for a seed.
internal sealed class ArchiveBuilder
{
    private static readonly DateOnly FirstDay = new(2006, 1, 1);
    private const int Days = 7305; // 20 years, 2006-01-01 to 2025-12-31

    private readonly SyntheticOptions _options;
    private readonly Random _random;
    private readonly Dictionary<string[], Zipf> _zipfs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Guid> _existingBodies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _existingPeople = new(StringComparer.Ordinal);
    private readonly HashSet<string> _documentKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hashes = new(StringComparer.Ordinal);
    private readonly HashSet<(Guid, DateOnly)> _existingMeetings = [];
    private readonly Dictionary<(Guid Person, string Title), PersonTitleRow> _titles = [];
    private readonly List<Body> _bodies = [];
    private readonly List<Human> _people = [];
    private Zipf _bodyZipf = null!;
    private Zipf _personZipf = null!;
    private List<(int Body, int Day)> _slots = [];
    private int _next;

    public ArchiveBuilder(SyntheticOptions options, long existingReports)
    {
        _options = options;
        _random = new Random(unchecked(options.Seed * 1_000_003 + (int)existingReports));
    }

    public List<OrganizationRow> NewOrganizations { get; } = [];

    public List<AliasRow> NewOrganizationAliases { get; } = [];

    public List<PersonRow> NewPeople { get; } = [];

    public List<AliasRow> NewPersonAliases { get; } = [];

    public async Task LoadExistingAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await ReadAsync(connection, "SELECT name_key, id FROM organizations WHERE deleted_at IS NULL", r => _existingBodies.TryAdd(r.GetString(0), r.GetGuid(1)), ct);
        await ReadAsync(connection, "SELECT name_key, id FROM people WHERE deleted_at IS NULL ORDER BY id", r => _existingPeople.TryAdd(r.GetString(0), r.GetGuid(1)), ct);
        await ReadAsync(connection, "SELECT normalized_title FROM documents WHERE deleted_at IS NULL", r => _documentKeys.Add(r.GetString(0)), ct);
        await ReadAsync(connection, "SELECT content_hash FROM reports", r => _hashes.Add(r.GetString(0)), ct);
        await ReadAsync(connection, "SELECT organization_id, date FROM meetings WHERE date IS NOT NULL AND deleted_at IS NULL",
            r => _existingMeetings.Add((r.GetGuid(0), r.GetFieldValue<DateOnly>(1))), ct);
    }

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, Action<NpgsqlDataReader> row, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }

    // Bodies, people, rosters, and the (body, day) of every meeting.
    public void Prepare()
    {
        var meetings = _options.Meetings;
        CreateBodies(Math.Clamp(meetings / 300, 40, Jurisdictions.Length * 60));
        CreatePeople(Math.Clamp(meetings / 25, 150, 40_000));
        foreach (var body in _bodies)
        {
            var size = Math.Min(_people.Count, 12 + _random.Next(45));
            // Mostly the body's own members, a few of the people everyone meets; order decides who chairs.
            var roster = new HashSet<int>();
            while (roster.Count < size)
            {
                roster.Add(_random.NextDouble() < 0.8 ? _random.Next(_people.Count) : _personZipf.Next(_random));
            }

            body.Roster = [.. roster.OrderBy(_ => _random.Next())];
            body.RosterZipf = new Zipf(body.Roster.Length, 0.7);
        }

        _slots = AllocateSlots(meetings);
    }

    private void CreateBodies(int count)
    {
        var perJurisdiction = new List<List<(string Name, string? Parent, string? Alias)>>();
        foreach (var j in Jurisdictions)
        {
            var parents = ParentBodies.Select(p => $"{j} {p}").OrderBy(_ => _random.Next()).ToList();
            var children = Portfolios.Select(p => ($"{j} Ministry of {p}", (string?)null))
                .Concat(CommitteeTopics.Select(t => ($"{j} Committee on {t}", (string?)$"{j} {t} Committee")))
                .OrderBy(_ => _random.Next()).ToList();
            var list = new List<(string, string?, string?)>();
            string? parent = null;
            for (int p = 0, c = 0; p < parents.Count || c < children.Count;)
            {
                if (p < parents.Count && (list.Count % 3 == 0 || c >= children.Count))
                {
                    parent = parents[p++];
                    list.Add((parent, null, Acronym(parent)));
                }
                else
                {
                    list.Add((children[c].Item1, parent, children[c].Item2));
                    c++;
                }
            }

            perJurisdiction.Add(list);
        }

        var byName = new Dictionary<string, Body>(StringComparer.Ordinal);
        for (var i = 0; _bodies.Count < count; i++)
        {
            foreach (var list in perJurisdiction)
            {
                if (i >= list.Count || _bodies.Count >= count)
                {
                    continue;
                }

                var (name, parentName, alias) = list[i];
                var parent = parentName is null ? null : byName.GetValueOrDefault(parentName);
                var body = new Body(name, parent, Pick(Cities), Pick(ChairTitles));
                if (_existingBodies.TryGetValue(name.ToLowerInvariant(), out var id))
                {
                    body.Id = id;
                }
                else
                {
                    body.Id = Guid.CreateVersion7();
                    NewOrganizations.Add(new OrganizationRow(body.Id, name, parent?.Id));
                    if (alias is not null)
                    {
                        NewOrganizationAliases.Add(new AliasRow(Guid.CreateVersion7(), body.Id, alias));
                    }
                }

                byName[name] = body;
                _bodies.Add(body);
            }
        }

        _bodyZipf = new Zipf(_bodies.Count, 1.0);
    }

    private static string Acronym(string name) =>
        string.Concat(name.Split(' ').Where(w => w.Length > 2 || char.IsUpper(w[0])).Select(w => char.ToUpperInvariant(w[0])));

    private void CreatePeople(int count)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var combinations = GivenNames.Length * FamilyNames.Length;
        count = Math.Min(count, combinations * 3 / 4);
        while (_people.Count < count)
        {
            var given = GivenNames[_random.Next(GivenNames.Length)];
            var family = FamilyNames[_random.Next(FamilyNames.Length)];
            var name = $"{given} {family}";
            if (!names.Add(name))
            {
                continue;
            }

            var title = _random.NextDouble() switch
            {
                < 0.35 => $"Minister of {Pick(Portfolios)}",
                < 0.65 => Pick(Titles),
                _ => null,
            };
            var person = new Human(name, title);
            if (_existingPeople.TryGetValue(name.ToLowerInvariant(), out var id))
            {
                person.Id = id;
            }
            else
            {
                person.Id = Guid.CreateVersion7();
                NewPeople.Add(new PersonRow(person.Id, name));
                if (_random.NextDouble() < 0.3)
                {
                    NewPersonAliases.Add(new AliasRow(Guid.CreateVersion7(), person.Id, $"{given[0]}. {family}"));
                }
            }

            _people.Add(person);
        }

        _personZipf = new Zipf(_people.Count, 0.7);
    }

    // At most one meeting per body and day, a third of the days at most for the busiest bodies,
    // mostly on weekdays; in date order so documents are reviewed before they are adopted.
    private List<(int Body, int Day)> AllocateSlots(int meetings)
    {
        var cap = Days / 3;
        var taken = new HashSet<(int, int)>();
        var counts = new int[_bodies.Count];
        var slots = new List<(int Body, int Day)>(meetings);
        while (slots.Count < meetings)
        {
            var body = _bodyZipf.Next(_random);
            if (counts[body] >= cap)
            {
                body = _random.Next(_bodies.Count);
                if (counts[body] >= cap)
                {
                    continue;
                }
            }

            // Later years hold more reports: the archive grows.
            var day = (int)(Days * Math.Sqrt(_random.NextDouble()));
            var date = FirstDay.AddDays(day);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && _random.NextDouble() < 0.85)
            {
                continue;
            }

            if (!taken.Add((body, day)) || _existingMeetings.Contains((_bodies[body].Id, date)))
            {
                continue;
            }

            counts[body]++;
            slots.Add((body, day));
        }

        slots.Sort((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Body.CompareTo(b.Body));
        return slots;
    }

    public Batch NextBatch(int count)
    {
        var batch = new Batch();
        for (var i = 0; i < count; i++)
        {
            var (body, day) = _slots[_next++];
            Meeting(batch, _bodies[body], FirstDay.AddDays(day));
        }

        return batch;
    }

    public List<PersonTitleRow> PersonTitles() => [.. _titles.Values];

    private void Meeting(Batch batch, Body body, DateOnly date)
    {
        var meeting = new MeetingRow(Guid.CreateVersion7(), body.Id, Pick(Sessions), date, body.City);
        batch.Meetings.Add(meeting);

        // People: the chair of the era, then speakers, then attendees; once each.
        var chair = body.Roster[(date.Year - FirstDay.Year) / 5 % Math.Min(3, body.Roster.Length)];
        var people = new List<int> { chair };
        var wanted = 5 + _random.Next(6) + _random.Next(6);
        for (var attempts = 0; people.Count < wanted && attempts < 200; attempts++)
        {
            var candidate = _random.NextDouble() < 0.9 ? body.Roster[body.RosterZipf.Next(_random)] : _personZipf.Next(_random);
            if (!people.Contains(candidate))
            {
                people.Add(candidate);
            }
        }

        var speakers = Math.Min(people.Count - 1, _random.Next(4));
        var participations = new List<(ParticipationRow Row, Human Person)>();
        for (var i = 0; i < people.Count; i++)
        {
            var person = _people[people[i]];
            var role = i == 0 ? "Chair" : i <= speakers ? "Speaker" : "Attendee";
            var title = i == 0 ? body.ChairTitle : person.Title is not null && _random.NextDouble() < 0.6 ? person.Title : null;
            participations.Add((new ParticipationRow(Guid.CreateVersion7(), meeting.Id, person.Id, role, title, i), person));
        }

        var resolutions = new List<(ResolutionRow Row, string Object)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var wantedResolutions = 2 + _random.Next(7);
        for (var attempts = 0; resolutions.Count < wantedResolutions && attempts < 50; attempts++)
        {
            var obj = Pick(Objects);
            var qualifier = _random.NextDouble() < 0.5 ? " " + Pick(Qualifiers) : string.Empty;
            var (verb, text) = _random.NextDouble() < 0.6
                ? (Pick(NounVerbs), $"{Pick(NounHeads)} {obj}{qualifier}")
                : (Pick(InfinitiveVerbs), $"{Pick(VerbHeads)} {obj}{qualifier}");
            var key = TextKeys.Key(text);
            if (!keys.Add(key))
            {
                continue;
            }

            var byChair = _random.NextDouble() < 0.25;
            var row = new ResolutionRow(Guid.CreateVersion7(), meeting.Id, text, key, verb,
                byChair ? participations[0].Person.Name : "meeting", byChair ? participations[0].Person.Id : null, resolutions.Count);
            resolutions.Add((row, obj));
        }

        var actions = new List<(DocumentActionRow Row, string Title)>();
        var documentCount = _random.NextDouble() switch { < 0.25 => 0, < 0.6 => 1, < 0.85 => 2, _ => 3 };
        for (var i = 0; i < documentCount; i++)
        {
            var (document, action) = NextDocument(batch, body, date);
            if (actions.Any(a => a.Row.DocumentId == document.Id))
            {
                continue;
            }

            actions.Add((new DocumentActionRow(Guid.CreateVersion7(), document.Id, meeting.Id, action, actions.Count), document.Title));
        }

        batch.Participations.AddRange(participations.Select(p => p.Row));
        batch.Resolutions.AddRange(resolutions.Select(r => r.Row));
        batch.DocumentActions.AddRange(actions.Select(a => a.Row));

        // Reports: 60% one, 30% two, 10% three; the first names everything, later ones a part.
        var reports = _random.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 };
        var outlets = Enumerable.Range(0, Outlets.Length).OrderBy(_ => _random.Next()).Take(reports).ToArray();
        for (var r = 0; r < reports; r++)
        {
            var first = r == 0;
            Report(batch, body, meeting, Outlets[outlets[r]],
                [.. participations.Where((_, i) => first || i == 0 || _random.NextDouble() < 0.7)],
                [.. resolutions.Where((_, i) => first || i == 0 || _random.NextDouble() < 0.6)],
                [.. actions.Where(_ => first || _random.NextDouble() < 0.8)]);
        }
    }

    // A document this body (or a child of it) reviewed earlier, now adopted; or a new one.
    private (DocumentRow Document, string Action) NextDocument(Batch batch, Body body, DateOnly date)
    {
        if (body.Pending.Count > 0 && _random.NextDouble() < 0.45)
        {
            var index = _random.Next(body.Pending.Count);
            var pending = body.Pending[index];
            body.Pending.RemoveAt(index);
            return (pending, pending.Kind == "law" ? "Passed" : _random.NextDouble() < 0.6 ? "Adopted" : "Approved");
        }

        var (kind, template) = DocumentTemplates[PickIndex(DocumentTemplates.Length)];
        var title = Capitalize(string.Format(CultureInfo.InvariantCulture, template, Pick(Objects)));
        var key = TextKeys.DocumentKey(title);
        if (_documentKeys.Contains(key))
        {
            title = string.Create(CultureInfo.InvariantCulture, $"{title} ({date.Year})");
            key = TextKeys.DocumentKey(title);
            for (var n = 2; _documentKeys.Contains(key); n++)
            {
                title = string.Create(CultureInfo.InvariantCulture, $"{title[..title.LastIndexOf(" (", StringComparison.Ordinal)]} ({date.Year}, no. {n})");
                key = TextKeys.DocumentKey(title);
            }
        }

        _documentKeys.Add(key);
        var document = new DocumentRow(Guid.CreateVersion7(), title, key, kind);
        batch.Documents.Add(document);
        if (_random.NextDouble() < 0.55)
        {
            // Reviewed now, adopted later: here, or by the parent body.
            var owner = body.Parent is not null && _random.NextDouble() < 0.3 ? body.Parent : body;
            owner.Pending.Add(document);
            if (owner.Pending.Count > 20)
            {
                owner.Pending.RemoveAt(0);
            }

            return (document, _random.NextDouble() switch { < 0.6 => "Reviewed", < 0.85 => "Discussed", _ => "Deliberated" });
        }

        return (document, _random.NextDouble() switch { < 0.5 => "Adopted", < 0.8 => "Issued", _ => "Approved" });
    }

    private void Report(
        Batch batch, Body body, MeetingRow meeting, string outlet,
        List<(ParticipationRow Row, Human Person)> people, List<(ResolutionRow Row, string Object)> resolutions,
        List<(DocumentActionRow Row, string Title)> actions)
    {
        var reportId = Guid.CreateVersion7();
        var status = _random.NextDouble() switch { < 0.10 => "Draft", < 0.13 => "Archived", _ => "Published" };
        var published = meeting.Date.AddDays(_random.NextDouble() < 0.7 ? 0 : 1);
        var enteredAt = published.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc).AddMinutes(_random.Next(16 * 60));
        var text = new StringBuilder(1600);
        var spans = new List<(object Row, int Start, int Length)>();

        void Span(object row, string value)
        {
            spans.Add((row, text.Length, value.Length));
            text.Append(value);
        }

        var chair = people[0];
        var wire = _random.NextDouble() < 0.6;
        var headline = $"{body.Name} {Pick(HeadlineVerbs)} {resolutions[0].Object}";
        text.Append(Capitalize(headline)).Append('\n');
        if (wire)
        {
            text.Append(CultureInfo.InvariantCulture, $"{body.City.ToUpperInvariant()}, {MonthAbbreviations[meeting.Date.Month - 1]} {meeting.Date.Day} ({outlet}) -- ");
            text.Append(CultureInfo.InvariantCulture, $"The {body.Name} on {Weekdays[(int)meeting.Date.DayOfWeek]} {Pick(Ledes)}\n\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"  ·  {published:yyyy-MM-dd}  ·   Source: {outlet}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"The {body.Name} {Pick(Ledes)}\n\n");
        }

        var chairTitle = chair.Row.TitleAsWritten is { } t ? t + " " : string.Empty;
        if (_random.NextDouble() < 0.5)
        {
            text.Append(chairTitle);
            Span(chair.Row, chair.Person.Name);
            text.Append(" presided over ");
            Span(meeting, $"the {meeting.Session} of the {body.Name}");
            text.Append(CultureInfo.InvariantCulture, $" in {meeting.Location}.");
        }
        else
        {
            Span(meeting, $"The {meeting.Session} of the {body.Name}");
            text.Append(CultureInfo.InvariantCulture, $", held in {meeting.Location}, was chaired by {chairTitle}");
            Span(chair.Row, chair.Person.Name);
            text.Append('.');
        }

        var speakers = people.Where(p => p.Row.Role == "Speaker").ToList();
        foreach (var speaker in speakers)
        {
            text.Append(' ');
            Span(speaker.Row, speaker.Person.Name);
            text.Append(speaker.Row.TitleAsWritten is { } title ? $", {title}," : string.Empty);
            text.Append(CultureInfo.InvariantCulture, $" briefed the meeting on {Pick(Objects)}.");
        }

        var attendees = people.Where(p => p.Row.Role == "Attendee").ToList();
        if (attendees.Count > 0)
        {
            var intro = _random.NextDouble() < 0.5;
            text.Append(!intro ? " " : attendees.Count == 1 ? " Also present was " : " Also present were ");
            for (var i = 0; i < attendees.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : i == attendees.Count - 1 ? " and " : ", ");
                if (attendees[i].Row.TitleAsWritten is { } title)
                {
                    text.Append(title).Append(' ');
                }

                Span(attendees[i].Row, attendees[i].Person.Name);
            }

            text.Append(intro ? "." : attendees.Count == 1 ? " was present." : " were present.");
        }

        text.Append("\n\n");
        foreach (var (row, _) in resolutions)
        {
            var start = text.Length;
            text.Append(row.IssuedByPersonId is null ? "The meeting" : chair.Person.Name).Append(' ').Append(row.Verb).Append(' ').Append(row.Text);
            spans.Add((row, start, text.Length - start));
            text.Append(_random.NextDouble() < 0.3 ? ".\n\n" : ". ");
        }

        foreach (var (row, title) in actions)
        {
            text.Append(CultureInfo.InvariantCulture, $"The meeting {ActionPhrase(row.Action)} the ");
            Span(row, char.ToLowerInvariant(title[0]) + title[1..]);
            text.Append(". ");
        }

        text.Append(Pick(Closings)).Append('\n');
        var content = text.ToString();
        var hash = TextKeys.Sha256Hex(content);
        while (!_hashes.Add(hash))
        {
            content += string.Create(CultureInfo.InvariantCulture, $"\n(Ref. {_random.Next(1_000_000)})\n");
            hash = TextKeys.Sha256Hex(content);
        }

        var reviewed = status != "Draft";
        batch.Reports.Add(new ReportRow(reportId, headline, outlet, published,
            string.Create(CultureInfo.InvariantCulture, $"https://news.synthetic.example/{Slug(outlet)}/{published:yyyy/MM/dd}/{reportId:N}"),
            content, hash, status, enteredAt, ReportExtractor.Version, reviewed ? enteredAt.AddHours(2 + _random.Next(48)) : null));

        foreach (var (row, start, length) in spans)
        {
            var (verdict, inBulk, confidence, extractor) = Verdict(reviewed, row is MeetingRow);
            var by = verdict == "Extracted" ? null : $"editor{1 + _random.Next(12)}@synthetic.example";
            DateTime? at = verdict == "Extracted" ? null : enteredAt.AddMinutes(30 + _random.Next(2 * 24 * 60));
            var counts = status == "Published" && verdict != "Removed";
            switch (row)
            {
                case MeetingRow m:
                    m.Published |= counts;
                    batch.MeetingSources.Add(new SourceRow(Guid.CreateVersion7(), m.Id, reportId, start, length, confidence, extractor, verdict, inBulk, by, at));
                    break;
                case ParticipationRow p:
                    p.Published |= counts;
                    batch.ParticipationSources.Add(new SourceRow(Guid.CreateVersion7(), p.Id, reportId, start, length, confidence, extractor, verdict, inBulk, by, at));
                    if (p.TitleAsWritten is { } title)
                    {
                        RecordTitle(p, title, meeting.Date, reportId);
                    }

                    break;
                case ResolutionRow r:
                    r.Published |= counts;
                    batch.ResolutionSources.Add(new SourceRow(Guid.CreateVersion7(), r.Id, reportId, start, length, confidence, extractor, verdict, inBulk, by, at));
                    break;
                case DocumentActionRow d:
                    d.Published |= counts;
                    batch.DocumentActionSources.Add(new SourceRow(Guid.CreateVersion7(), d.Id, reportId, start, length, confidence, extractor, verdict, inBulk, by, at));
                    break;
            }
        }
    }

    private void RecordTitle(ParticipationRow participation, string title, DateOnly date, Guid reportId)
    {
        var key = (participation.PersonId, title);
        _titles[key] = _titles.TryGetValue(key, out var seen)
            ? seen with { FirstSeen = date < seen.FirstSeen ? date : seen.FirstSeen, LastSeen = date > seen.LastSeen ? date : seen.LastSeen }
            : new PersonTitleRow(Guid.CreateVersion7(), participation.PersonId, title, date, date, reportId);
    }

    // Drafts are as extracted; reviewed reports carry an editor's verdicts, a few claims removed or added.
    private (string Verdict, bool InBulk, double Confidence, string? Extractor) Verdict(bool reviewed, bool meeting)
    {
        var confidence = Math.Round(0.55 + (0.44 * _random.NextDouble()), 3);
        if (!reviewed)
        {
            return ("Extracted", false, confidence, ReportExtractor.Version);
        }

        return _random.NextDouble() switch
        {
            < 0.40 => ("Accepted", true, confidence, ReportExtractor.Version),
            < 0.68 => ("Accepted", false, confidence, ReportExtractor.Version),
            < 0.83 => ("Extracted", false, confidence, ReportExtractor.Version),
            < 0.93 => ("Edited", false, confidence, ReportExtractor.Version),
            < 0.97 when !meeting => ("Removed", false, confidence, ReportExtractor.Version),
            < 0.97 => ("Accepted", false, confidence, ReportExtractor.Version),
            _ => ("Added", false, 1.0, null),
        };
    }

    private static string ActionPhrase(string action) => action switch
    {
        "Reviewed" => "reviewed",
        "Discussed" => "discussed",
        "Deliberated" => "deliberated on",
        "Adopted" => "adopted",
        "Approved" => "approved",
        "Passed" => "passed",
        _ => "issued",
    };

    private static readonly string[] HeadlineVerbs = ["weighs", "backs", "debates", "turns to", "moves on", "focuses on", "acts on"];

    private string Pick(string[] list) => list[ZipfOf(list).Next(_random)];

    private int PickIndex(int count) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), 1.6)));

    private Zipf ZipfOf(string[] list)
    {
        if (!_zipfs.TryGetValue(list, out var zipf))
        {
            zipf = new Zipf(list.Length, 0.8);
            _zipfs[list] = zipf;
        }

        return zipf;
    }

    private static string Capitalize(string value) => char.ToUpperInvariant(value[0]) + value[1..];

    private static string Slug(string value) => value.ToLowerInvariant().Replace(' ', '-');

    private sealed class Body(string name, Body? parent, string city, string chairTitle)
    {
        public Guid Id { get; set; }

        public string Name { get; } = name;

        public Body? Parent { get; } = parent;

        public string City { get; } = city;

        public string ChairTitle { get; } = chairTitle;

        public int[] Roster { get; set; } = [];

        public Zipf RosterZipf { get; set; } = null!;

        public List<DocumentRow> Pending { get; } = [];
    }

    private sealed class Human(string name, string? title)
    {
        public Guid Id { get; set; }

        public string Name { get; } = name;

        public string? Title { get; } = title;
    }
}

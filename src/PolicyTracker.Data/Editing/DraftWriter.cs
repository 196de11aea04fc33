using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Data.Records;

namespace PolicyTracker.Data.Editing;

// One save's writing, inside ReviewSaver's transaction: the report's header, each meeting and this
// report's source of it, and each item's fact and source. Holds the resolver, the facts of each
// meeting touched, and what to tidy afterwards. Used once.
internal sealed class DraftWriter(PolicyTrackerDbContext db, Report report, DateTimeOffset now, string? userName)
{
    private readonly EntityResolver _resolver = new(db);
    private readonly Dictionary<Guid, MeetingFacts> _facts = [];
    private readonly HashSet<Guid> _meetings = [];
    private readonly HashSet<Guid> _documents = [];
    private int _writes;

    // Every change of the draft, then the tidying: meetings and documents no report stands behind
    // any more are retired, and the published flags follow the report's status.
    public async Task<int> ApplyAsync(ReviewDraft draft, bool publish, CancellationToken ct)
    {
        if (draft.HeaderChanged || publish)
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = draft.Version;
            report.Headline = TextKeys.Clean(draft.Headline);
            report.Outlet = Blank(draft.Outlet);
            report.Published = draft.Published;
            report.SourceUrl = Blank(draft.SourceUrl);
            if (publish)
            {
                report.Status = ReportStatus.Published;
                (report.PublishedBy, report.PublishedAt) = (userName, now);
            }

            _writes++;
        }

        foreach (var reviewed in draft.Meetings)
        {
            if (reviewed.IsNew && reviewed.Removed)
            {
                continue;
            }

            if (reviewed.Removed)
            {
                await RemoveMeetingAsync(reviewed, ct);
                continue;
            }

            var meeting = await MeetingAsync(reviewed, ct);
            await MeetingSourceAsync(meeting, reviewed, ct);
            var facts = await FactsAsync(meeting, ct);
            var moved = reviewed.MeetingId is { } storedId && storedId != meeting.Id;
            if (moved)
            {
                _meetings.Add(reviewed.MeetingId!.Value);
            }

            foreach (var item in reviewed.Items)
            {
                await ApplyItemAsync(meeting, facts, item, moved, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await Orphans.RetireAsync(db, _meetings, ct);
        await Orphans.RetireDocumentsAsync(db, _documents, ct);
        await PublishedFlags.RefreshReportAsync(db, report.Id, _meetings, ct);
        return _writes;
    }

    private async Task<MeetingFacts> FactsAsync(Meeting meeting, CancellationToken ct)
    {
        _meetings.Add(meeting.Id);
        if (!_facts.TryGetValue(meeting.Id, out var facts))
        {
            facts = await MeetingFacts.LoadAsync(db, meeting, ct);
            _facts[meeting.Id] = facts;
        }

        return facts;
    }

    // The meeting this report's claims belong to after the save: the stored one (changed in place
    // for every report, unless the editor chose to move only this report), a merge target, or a new one.
    private async Task<Meeting> MeetingAsync(ReviewMeeting reviewed, CancellationToken ct)
    {
        if (reviewed.MergeInto is { } intoId)
        {
            return await db.Meetings.SingleAsync(m => m.Id == intoId, ct);
        }

        if (reviewed.MeetingId is { } id && !(reviewed.MovesSharedMeeting && reviewed.Scope == MeetingEditScope.ThisReport))
        {
            var stored = await db.Meetings.IgnoreQueryFilters().SingleAsync(m => m.Id == id, ct);
            if (reviewed.Changed)
            {
                db.Entry(stored).Property(m => m.Version).OriginalValue = reviewed.MeetingVersion;
                var body = await _resolver.BodyAsync(reviewed.BodyId, reviewed.Body, [], ct);
                stored.Organization = body;
                stored.Date = reviewed.Date;
                stored.Session = Blank(reviewed.Session);
                stored.Location = Blank(reviewed.Location);
                Restore(stored);
                _writes++;
            }

            return stored;
        }

        // A new meeting, or this report leaving a shared one: the body's meeting on that date if stored.
        var newBody = await _resolver.BodyAsync(reviewed.BodyId, reviewed.Body, [], ct);
        var existing = reviewed.Date is { } date && db.Entry(newBody).State != EntityState.Added
            ? await db.Meetings.Where(m => m.OrganizationId == newBody.Id && m.Date == date && m.Id != reviewed.MeetingId)
                .OrderBy(m => m.Id).FirstOrDefaultAsync(ct)
            : null;
        if (existing is not null)
        {
            existing.Session ??= Blank(reviewed.Session);
            existing.Location ??= Blank(reviewed.Location);
            return existing;
        }

        var added = new Meeting
        {
            Organization = newBody,
            OrganizationId = newBody.Id,
            Date = reviewed.Date,
            Session = Blank(reviewed.Session),
            Location = Blank(reviewed.Location),
        };
        db.Meetings.Add(added);
        _writes++;
        return added;
    }

    private async Task MeetingSourceAsync(Meeting meeting, ReviewMeeting reviewed, CancellationToken ct)
    {
        var source = reviewed.SourceId is { } sourceId
            ? await db.MeetingSources.SingleOrDefaultAsync(s => s.Id == sourceId, ct)
            : null;
        if (source is not null && source.MeetingId != meeting.Id)
        {
            var already = await db.MeetingSources.SingleOrDefaultAsync(s => s.MeetingId == meeting.Id && s.SourceReportId == report.Id, ct);
            if (already is not null)
            {
                db.MeetingSources.Remove(source);
                source = already;
            }
            else
            {
                source.Meeting = meeting;
                source.MeetingId = meeting.Id;
            }

            _writes++;
        }

        if (source is null)
        {
            source = await db.MeetingSources.SingleOrDefaultAsync(s => s.MeetingId == meeting.Id && s.SourceReportId == report.Id, ct);
        }

        var chair = reviewed.Participants.FirstOrDefault(p => !p.Removed && p.Role == ParticipationRole.Chair);
        if (source is null)
        {
            db.MeetingSources.Add(new MeetingSource
            {
                Meeting = meeting,
                MeetingId = meeting.Id,
                SourceReportId = report.Id,
                Confidence = 1,
                Verdict = Verdict.Added,
                VerdictBy = userName,
                VerdictAt = now,
                BodyVerdict = Verdict.Added,
                DateVerdict = meeting.Date is null ? null : Verdict.Added,
                ChairVerdict = chair is null ? null : Verdict.Added,
            });
            _writes++;
            return;
        }

        // Each field judged on its own, against the meeting as loaded (the database before this save's writes).
        // The body is read off the navigation: a body just set is not in the foreign key until the context saves.
        var looked = reviewed.Changed || reviewed.Verdict is not Verdict.Extracted;
        var storedChair = reviewed.MeetingId is { } loadedId ? await StoredChairAsync(loadedId, ct) : null;
        var bodyVerdict = FieldVerdict(source.BodyVerdict, true, (meeting.Organization?.Id ?? meeting.OrganizationId) == reviewed.LoadedBodyId, looked) ?? Verdict.Added;
        var dateVerdict = FieldVerdict(source.DateVerdict, meeting.Date is not null, meeting.Date == reviewed.LoadedDate, looked);
        var chairVerdict = FieldVerdict(source.ChairVerdict, chair is not null, SamePerson(storedChair, chair),
            chair?.Verdict is Verdict.Accepted or Verdict.Edited);
        var verdict = reviewed.Changed && reviewed.Verdict is Verdict.Extracted or Verdict.Accepted ? Verdict.Edited : reviewed.Verdict;
        if (source.Verdict != verdict || source.InBulk != reviewed.InBulk
            || source.BodyVerdict != bodyVerdict || source.DateVerdict != dateVerdict || source.ChairVerdict != chairVerdict)
        {
            db.Entry(source).Property(s => s.Version).OriginalValue = reviewed.SourceVersion;
            (source.BodyVerdict, source.DateVerdict, source.ChairVerdict) = (bodyVerdict, dateVerdict, chairVerdict);
            Judge(source, verdict, reviewed.InBulk, now);
            _writes++;
        }
    }

    // The chair this report gave the meeting before this save: its person's id and name.
    private async Task<(Guid Id, string Name)?> StoredChairAsync(Guid meetingId, CancellationToken ct)
    {
        var chair = await db.ParticipationSources.AsNoTracking()
            .Where(s => s.SourceReportId == report.Id && s.Verdict != Verdict.Removed
                && s.Fact.MeetingId == meetingId && s.Fact.Role == ParticipationRole.Chair)
            .OrderBy(s => s.Fact.Position)
            .Select(s => new { s.Fact.PersonId, s.Fact.Person.Name })
            .FirstOrDefaultAsync(ct);
        return chair is null ? null : (chair.PersonId, chair.Name);
    }

    private static bool SamePerson((Guid Id, string Name)? stored, ReviewParticipant? chair) =>
        stored is { } s && chair is not null
        && (chair.PersonId == s.Id || (chair.PersonId is null && string.Equals(chair.Name.Trim(), s.Name, StringComparison.OrdinalIgnoreCase)));

    // One field's verdict after a save, from the one stored: a field nobody claimed and now holding a value was added;
    // an extracted value now gone was removed, one now different was edited, one the editor looked at and left was
    // accepted. Edited and removed stay so: the extractor was wrong about it, whatever came after.
    internal static Verdict? FieldVerdict(Verdict? stored, bool claimedAfter, bool same, bool looked) => stored switch
    {
        null or Verdict.Added => claimedAfter ? Verdict.Added : null,
        Verdict.Removed => claimedAfter ? Verdict.Edited : Verdict.Removed,
        _ when !claimedAfter => Verdict.Removed,
        Verdict.Edited => Verdict.Edited,
        _ when !same => Verdict.Edited,
        _ => looked ? Verdict.Accepted : stored,
    };

    // The editor removed a meeting from this report: its claims are marked removed, kept for the
    // quality figures; the meeting and facts go when no other report stands behind them.
    private async Task RemoveMeetingAsync(ReviewMeeting reviewed, CancellationToken ct)
    {
        var meetingId = reviewed.MeetingId!.Value;
        _meetings.Add(meetingId);
        foreach (var item in reviewed.Items.Where(i => !i.IsNew))
        {
            item.Removed = true;
            if (await SourceAsync(db, item, ct) is { } source)
            {
                db.Entry(source).Property(s => s.Version).OriginalValue = item.SourceVersion;
                Judge(source, Verdict.Removed, false, now);
                _writes++;
            }
        }

        if (reviewed.SourceId is { } sourceId && await db.MeetingSources.SingleOrDefaultAsync(s => s.Id == sourceId, ct) is { } meetingSource)
        {
            db.Entry(meetingSource).Property(s => s.Version).OriginalValue = reviewed.SourceVersion;
            meetingSource.DateVerdict = FieldVerdict(meetingSource.DateVerdict, false, false, true);
            meetingSource.ChairVerdict = FieldVerdict(meetingSource.ChairVerdict, false, false, true);
            meetingSource.BodyVerdict = FieldVerdict(meetingSource.BodyVerdict, false, false, true) ?? Verdict.Added;
            Judge(meetingSource, Verdict.Removed, false, now);
            _writes++;
        }
    }

    // One item: its fact found or created by what identifies it, this report's source judged.
    // A fact other reports also claim is never rewritten into a different fact: this report's
    // source moves to the fact it now describes, and the others keep theirs.
    private async Task ApplyItemAsync(Meeting meeting, MeetingFacts facts, ReviewItem item, bool moved, CancellationToken ct)
    {
        if (item.IsNew ? item.Removed : !(item.HasChanges || moved))
        {
            return;
        }

        var source = item.IsNew ? null : await SourceAsync(db, item, ct);
        if (!item.IsNew && source is null)
        {
            return;
        }

        if (source is not null)
        {
            db.Entry(source).Property(s => s.Version).OriginalValue = item.SourceVersion;
        }

        if (item.Removed)
        {
            Judge(source!, Verdict.Removed, false, now);
            _meetings.Add(FactOf(source!).MeetingId);
            _writes++;
            return;
        }

        if (item.Changed || moved || item.IsNew)
        {
            var fact = source is null ? null : FactOf(source);
            if (fact is not null && item.Changed)
            {
                db.Entry(fact).Property(f => f.Version).OriginalValue = item.Version;
            }

            var target = await TargetFactAsync(meeting, facts, item, fact, ct);
            if (source is null)
            {
                source = AddSource(target, report.Id);
            }
            else if (!ReferenceEquals(target, fact))
            {
                source = MoveSource(db, source, target, report.Id);
                _meetings.Add(fact!.MeetingId);
            }

            source.SpanStart = Math.Max(0, item.SpanStart);
            source.SpanLength = Math.Max(0, item.SpanLength);
            if (target is Participation { Person: { } person } participation)
            {
                RecordTitle(person, participation.TitleAsWritten, meeting.Date ?? report.Published, report);
            }
        }

        var verdict = item.IsNew ? Verdict.Added : item.Verdict;
        if (source!.Verdict != verdict || source.InBulk != item.InBulk || item.IsNew)
        {
            Judge(source, verdict, item.InBulk, now);
        }

        _writes++;
    }

    // The fact the item now describes. The item's own fact is edited in place while it keeps its
    // identity, or while no other report claims it and no other fact has the new identity.
    private async Task<Fact> TargetFactAsync(Meeting meeting, MeetingFacts facts, ReviewItem item, Fact? current, CancellationToken ct)
    {
        switch (item)
        {
            case ReviewParticipant p:
                {
                    var person = await _resolver.PersonAsync(p.PersonId, p.Name, ct);
                    var title = Blank(p.TitleAsWritten);
                    var existing = facts.FindParticipation(person.Id);
                    if (current is Participation own && (ReferenceEquals(existing, own) || (existing is null && item.OtherReports == 0)))
                    {
                        facts.Forget(own);
                        (own.Meeting, own.MeetingId, own.Person, own.PersonId) = (meeting, meeting.Id, person, person.Id);
                        (own.Role, own.TitleAsWritten, own.Position) = (p.Role, title, p.Position);
                        Restore(own);
                        facts.Remember(own);
                        return own;
                    }

                    var fact = facts.Participation(person, p.Role, title, p.Position);
                    if (item.Changed)
                    {
                        (fact.Role, fact.TitleAsWritten) = (p.Role, title ?? fact.TitleAsWritten);
                    }

                    return fact;
                }

            case ReviewResolution r:
                {
                    var text = r.Text.Trim();
                    var issuer = Blank(r.IssuedBy) is { } name && !string.Equals(name, "meeting", StringComparison.OrdinalIgnoreCase)
                        ? await _resolver.FindPersonByMentionAsync(name, ct)
                        : null;
                    var existing = facts.FindResolution(text);
                    if (current is Resolution own && (ReferenceEquals(existing, own) || (existing is null && item.OtherReports == 0)))
                    {
                        facts.Forget(own);
                        (own.Meeting, own.MeetingId, own.Text, own.TextKey) = (meeting, meeting.Id, text, TextKeys.Key(text));
                        (own.Verb, own.IssuedBy, own.IssuedByPerson, own.Position) = (r.Verb.Trim(), Blank(r.IssuedBy), issuer, r.Position);
                        Restore(own);
                        facts.Remember(own);
                        return own;
                    }

                    var fact = facts.Resolution(text, r.Verb.Trim(), Blank(r.IssuedBy), issuer, r.Position);
                    if (item.Changed)
                    {
                        (fact.Verb, fact.IssuedBy, fact.IssuedByPerson) = (r.Verb.Trim(), Blank(r.IssuedBy), issuer);
                    }

                    return fact;
                }

            case ReviewDocumentAction d:
                {
                    var document = await _resolver.DocumentAsync(d.DocumentId, d.Title, Blank(d.DocumentKind), ct);
                    if (current is DocumentAction { DocumentId: var previous } && previous != document.Id)
                    {
                        _documents.Add(previous);
                    }

                    var existing = facts.FindAction(document.Id, d.Action);
                    if (current is DocumentAction own && (ReferenceEquals(existing, own) || (existing is null && item.OtherReports == 0)))
                    {
                        facts.Forget(own);
                        (own.Meeting, own.MeetingId, own.Document, own.DocumentId) = (meeting, meeting.Id, document, document.Id);
                        (own.Action, own.Position) = (d.Action, d.Position);
                        Restore(own);
                        facts.Remember(own);
                        return own;
                    }

                    return facts.Action(document, d.Action, d.Position);
                }

            default:
                throw new InvalidOperationException($"Unknown item {item.GetType().Name}.");
        }
    }

    private static async Task<FactSource?> SourceAsync(PolicyTrackerDbContext db, ReviewItem item, CancellationToken ct) => item switch
    {
        ReviewParticipant => await db.ParticipationSources.Include(s => s.Fact).ThenInclude(f => f.Sources).SingleOrDefaultAsync(s => s.Id == item.SourceId, ct),
        ReviewResolution => await db.ResolutionSources.Include(s => s.Fact).ThenInclude(f => f.Sources).SingleOrDefaultAsync(s => s.Id == item.SourceId, ct),
        _ => await db.DocumentActionSources.Include(s => s.Fact).ThenInclude(f => f.Sources).SingleOrDefaultAsync(s => s.Id == item.SourceId, ct),
    };

    private static Fact FactOf(FactSource source) => source switch
    {
        ParticipationSource p => p.Fact,
        ResolutionSource r => r.Fact,
        DocumentActionSource a => a.Fact,
        _ => throw new InvalidOperationException($"Unknown source {source.GetType().Name}."),
    };

    private static FactSource AddSource(Fact fact, Guid reportId) => fact switch
    {
        Participation p => Claims.Claim(p, reportId, () => new ParticipationSource { Confidence = 1 }),
        Resolution r => Claims.Claim(r, reportId, () => new ResolutionSource { Confidence = 1 }),
        DocumentAction a => Claims.Claim(a, reportId, () => new DocumentActionSource { Confidence = 1 }),
        _ => throw new InvalidOperationException($"Unknown fact {fact.GetType().Name}."),
    };

    // Re-points this report's source at another fact; when the report already claims that fact,
    // the old source is retired instead and the existing one carries the verdict.
    private static FactSource MoveSource(PolicyTrackerDbContext db, FactSource source, Fact target, Guid reportId)
    {
        var existing = target switch
        {
            Participation p => (FactSource?)p.Sources.FirstOrDefault(s => s.SourceReportId == reportId && s.DeletedAt is null),
            Resolution r => r.Sources.FirstOrDefault(s => s.SourceReportId == reportId && s.DeletedAt is null),
            DocumentAction a => a.Sources.FirstOrDefault(s => s.SourceReportId == reportId && s.DeletedAt is null),
            _ => null,
        };
        if (existing is not null && !ReferenceEquals(existing, source))
        {
            db.Remove(source);
            return existing;
        }

        switch ((source, target))
        {
            case (ParticipationSource s, Participation p):
                s.Fact.Sources.Remove(s);
                (s.Fact, s.FactId) = (p, p.Id);
                p.Sources.Add(s);
                break;
            case (ResolutionSource s, Resolution r):
                s.Fact.Sources.Remove(s);
                (s.Fact, s.FactId) = (r, r.Id);
                r.Sources.Add(s);
                break;
            case (DocumentActionSource s, DocumentAction a):
                s.Fact.Sources.Remove(s);
                (s.Fact, s.FactId) = (a, a.Id);
                a.Sources.Add(s);
                break;
        }

        return source;
    }

    private void Judge(FactSource source, Verdict verdict, bool inBulk, DateTimeOffset now)
    {
        source.Verdict = verdict;
        source.InBulk = inBulk && verdict == Verdict.Accepted;
        source.VerdictBy = userName;
        source.VerdictAt = now;
        Restore(source);
    }

    private static void Restore(Entity entity)
    {
        if (entity.DeletedAt is not null)
        {
            entity.DeletedAt = null;
            entity.DeletedBy = null;
        }
    }

    private static void RecordTitle(Person person, string? title, DateOnly? seen, Report report)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return;
        }

        var existing = person.Titles.FirstOrDefault(t => string.Equals(t.Title, title, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            person.Titles.Add(new PersonTitle { Title = title, FirstSeen = seen, LastSeen = seen, SourceReportId = report.Id });
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : TextKeys.Clean(value);
}

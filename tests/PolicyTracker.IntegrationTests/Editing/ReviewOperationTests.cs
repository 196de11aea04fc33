using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Extraction;
using PolicyTracker.IntegrationTests.Data;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Editing;

[Collection(DatabaseTestGroup.Name)]
public sealed class ReviewOperationTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Text = Extractions.NationalSecurityCommission;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private ReviewLoader Loader => new(fixture.Factory, fixture.Clock);

    private ReviewSaver Saver => new(fixture.Factory, fixture.Clock, fixture.User);

    private MeetingMerger Merger => new(fixture.Factory, Loader, Saver);

    private DocumentLinker Linker => new(fixture.Factory);

    private ReportStatusChanger StatusChanger => new(fixture.Factory, fixture.User, fixture.Clock);

    private HistoryService History => new(fixture.Factory, fixture.Clock, fixture.User);

    private async Task<Guid> ImportDraftAsync(string text = Text, Func<string, ReportExtraction>? extract = null, string? url = null)
    {
        var result = await fixture.Importer(extract ?? (t => Extractions.Commission(t)))
            .ImportAsync(new ImportRequest(text) { SourceUrl = url });
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.ReportId!.Value;
    }

    [Fact]
    public async Task Publishing_writes_every_edit_and_leaves_what_nobody_checked_unverified()
    {
        var reportId = await ImportDraftAsync();
        var draft = (await Loader.LoadAsync(reportId))!;
        var meeting = draft.Meetings.ShouldHaveSingleItem();
        meeting.Participants.Select(p => p.Name).ShouldBe(["Xi Jinping", "Li Qiang", "Cai Qi"]);

        var li = meeting.Participants[1];
        li.TitleAsWritten = "Vice Premier";
        li.MarkEdited();
        meeting.Participants[0].Accept();
        meeting.Participants[2].Removed = true;
        meeting.Participants.Add(new ReviewParticipant
        {
            Name = "Wang Huning",
            Role = ParticipationRole.Attendee,
            Position = 3,
            SpanStart = 0,
            SpanLength = 0,
        });

        fixture.User.Name = "editor";
        var result = await Saver.SaveAsync(draft, publish: true);
        result.Outcome.ShouldBe(SaveOutcome.Saved, result.Message);

        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.SingleAsync()).Status.ShouldBe(ReportStatus.Published);
        var rows = await db.Participations.Include(p => p.Person).OrderBy(p => p.Position).ToListAsync();
        rows.Select(p => (p.Person.Name, p.TitleAsWritten)).ShouldBe([("Xi Jinping", "general secretary"), ("Li Qiang", "Vice Premier"), ("Wang Huning", null)]);
        var verdicts = await db.ParticipationSources.IgnoreQueryFilters().Include(s => s.Fact).ThenInclude(f => f.Person)
            .ToDictionaryAsync(s => s.Fact.Person.Name, s => (s.Verdict, s.VerdictBy));
        verdicts.OrderBy(v => v.Key).ShouldBe(new Dictionary<string, (Verdict, string?)>
        {
            ["Cai Qi"] = (Verdict.Removed, "editor"),
            ["Li Qiang"] = (Verdict.Edited, "editor"),
            ["Wang Huning"] = (Verdict.Added, "editor"),
            ["Xi Jinping"] = (Verdict.Accepted, "editor"),
        }.OrderBy(v => v.Key));
        // Publishing publishes: what nobody opened stays as the extractor left it.
        (await db.ResolutionSources.AllAsync(r => r.Verdict == Verdict.Extracted && r.VerdictBy == null)).ShouldBeTrue();
        (await db.DocumentActionSources.AllAsync(r => r.Verdict == Verdict.Extracted)).ShouldBeTrue();
        (await db.MeetingSources.AllAsync(r => r.Verdict == Verdict.Extracted)).ShouldBeTrue();
        result.Message.ShouldContain("3 item(s) nobody has checked yet stay unverified");

        var removed = await db.Participations.IgnoreQueryFilters().SingleAsync(p => p.DeletedAt != null);
        removed.DeletedBy.ShouldBe("editor");
        (await db.Participations.CountAsync(p => p.Published)).ShouldBe(3);
        (await db.AuditEntries.CountAsync(a => a.UserName == "editor" && a.EntityType == nameof(Participation))).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Saving_a_draft_keeps_the_report_a_draft_and_only_writes_what_changed()
    {
        var reportId = await ImportDraftAsync();
        var draft = (await Loader.LoadAsync(reportId))!;
        var resolution = draft.Meetings[0].Resolutions[0];
        resolution.Accept();

        (await Saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.SingleAsync()).Status.ShouldBe(ReportStatus.Draft);
        (await db.ResolutionSources.SingleAsync()).Verdict.ShouldBe(Verdict.Accepted);
        (await db.ParticipationSources.CountAsync(p => p.Verdict != Verdict.Extracted)).ShouldBe(0);
        (await db.Meetings.CountAsync(m => m.Published)).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_text_or_source_url_is_refused_and_points_to_the_stored_report()
    {
        var first = await ImportDraftAsync(url: "https://example.org/nsc");

        var sameText = await fixture.Importer(t => Extractions.Commission(t)).ImportAsync(new ImportRequest(Text));
        var sameUrl = await fixture.Importer(t => Extractions.Commission(t))
            .ImportAsync(new ImportRequest(Text + "\nUpdated.") { SourceUrl = "https://example.org/nsc" });

        sameText.Problem.ShouldBe(ImportProblem.DuplicateText);
        sameText.ExistingReportId.ShouldBe(first);
        sameUrl.Problem.ShouldBe(ImportProblem.DuplicateSourceUrl);
        sameUrl.ExistingReportId.ShouldBe(first);
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(1);
        (await db.Meetings.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Two_reports_of_one_meeting_are_offered_for_merging_and_merge_into_one_meeting_with_both_sources()
    {
        var first = await ImportDraftAsync();
        // The second report's extractor missed the date, so it made a meeting of its own.
        const string second = "Cai Qi attended the National Security Commission meeting, which called for data security audits.";
        var secondId = await ImportDraftAsync(second, t => Extractions.Build(t, "National Security Commission", null,
            [("Cai Qi", ParticipantRole.Attendee, null)], ["data security audits"], []));

        var draft = (await Loader.LoadAsync(secondId))!;
        var meeting = draft.Meetings.ShouldHaveSingleItem();
        (await Merger.SuggestMergesAsync(draft)).ShouldBeEmpty();
        meeting.Date = Extractions.CommissionDate;
        meeting.Changed = true;
        (await Saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        draft = (await Loader.LoadAsync(secondId))!;
        var suggestion = (await Merger.SuggestMergesAsync(draft)).ShouldHaveSingleItem();
        suggestion.Sources.ShouldBe(1);

        var merged = await Merger.MergeMeetingAsync(secondId, draft.Meetings[0].MeetingId!.Value, suggestion.IntoMeetingId);
        merged.Outcome.ShouldBe(SaveOutcome.Saved, merged.Message);

        await using var db = await fixture.CreateDbContextAsync();
        var only = await db.Meetings.Include(m => m.Sources).Include(m => m.Resolutions).SingleAsync();
        only.Sources.Select(s => s.SourceReportId).Order().ShouldBe(new[] { first, secondId }.Order());
        only.Resolutions.Count.ShouldBe(2);
        (await db.Meetings.IgnoreQueryFilters().CountAsync(m => m.DeletedAt != null)).ShouldBe(1);
        (await Loader.LoadAsync(secondId))!.Meetings.ShouldHaveSingleItem().OtherSources.ShouldBe(1);
    }

    [Fact]
    public async Task The_second_editor_saving_the_same_record_is_told_what_changed_and_loses_nothing()
    {
        var reportId = await ImportDraftAsync();
        var alice = (await Loader.LoadAsync(reportId))!;
        var bob = (await Loader.LoadAsync(reportId))!;

        fixture.User.Name = "alice";
        var aliceLi = alice.Meetings[0].Participants[1];
        aliceLi.TitleAsWritten = "Vice Premier";
        aliceLi.MarkEdited();
        (await Saver.SaveAsync(alice, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        fixture.User.Name = "bob";
        var bobLi = bob.Meetings[0].Participants[1];
        bobLi.Role = ParticipationRole.Speaker;
        bobLi.MarkEdited();
        var bobResolution = bob.Meetings[0].Resolutions[0];
        bobResolution.Text = "a new security architecture";
        bobResolution.Changed = true;

        var result = await Saver.SaveAsync(bob, publish: false);

        result.Outcome.ShouldBe(SaveOutcome.Conflict);
        var conflict = result.Conflicts.ShouldHaveSingleItem();
        conflict.What.ShouldBe("participant Li Qiang");
        conflict.ChangedBy.ShouldBe("alice");
        conflict.TheirChanges.ShouldContain(c => c.Field == "title as written" && c.New == "Vice Premier");
        // Nothing of Bob's was written, and his draft still holds every change.
        await using (var db = await fixture.CreateDbContextAsync())
        {
            (await db.Resolutions.SingleAsync()).Text.ShouldNotBe("a new security architecture");
            (await db.Participations.SingleAsync(p => p.Person.Name == "Li Qiang")).Role.ShouldBe(ParticipationRole.Attendee);
        }

        bobLi.Role.ShouldBe(ParticipationRole.Speaker);

        // Bob keeps his version after seeing theirs: the second save goes through.
        bob.KeepMine(await Loader.LoadAsync(reportId), result.Conflicts);
        (await Saver.SaveAsync(bob, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);
        await using var after = await fixture.CreateDbContextAsync();
        var li = await after.Participations.SingleAsync(p => p.Person.Name == "Li Qiang");
        li.Role.ShouldBe(ParticipationRole.Speaker);
        li.TitleAsWritten.ShouldBe("Vice Premier");
        (await after.Resolutions.SingleAsync()).Text.ShouldBe("a new security architecture");
    }

    [Fact]
    public async Task Taking_their_version_replaces_only_the_conflicting_record()
    {
        var reportId = await ImportDraftAsync();
        var alice = (await Loader.LoadAsync(reportId))!;
        var bob = (await Loader.LoadAsync(reportId))!;
        alice.Meetings[0].Participants[1].TitleAsWritten = "Vice Premier";
        alice.Meetings[0].Participants[1].Changed = true;
        (await Saver.SaveAsync(alice, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        bob.Meetings[0].Participants[1].TitleAsWritten = "Premier of the State Council";
        bob.Meetings[0].Participants[1].Changed = true;
        bob.Meetings[0].Participants[2].Removed = true;
        var result = await Saver.SaveAsync(bob, publish: false);
        result.Outcome.ShouldBe(SaveOutcome.Conflict);

        bob.TakeTheirs((await Loader.LoadAsync(reportId))!, result.Conflicts);

        bob.Meetings[0].Participants[1].TitleAsWritten.ShouldBe("Vice Premier");
        bob.Meetings[0].Participants[2].Removed.ShouldBeTrue();
        (await Saver.SaveAsync(bob, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);
    }

    [Fact]
    public async Task A_removed_item_and_an_archived_report_can_be_restored_from_the_history()
    {
        var reportId = await ImportDraftAsync();
        var draft = (await Loader.LoadAsync(reportId))!;
        draft.Meetings[0].Participants[2].Removed = true;
        fixture.User.Name = "editor";
        (await Saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        var history = await History.ForReportAsync(reportId);
        var removal = history.First(h => h.Action == AuditAction.Deleted);
        removal.What.ShouldBe("participant Cai Qi");
        removal.User.ShouldBe("editor");
        removal.CanRestore.ShouldBeTrue();

        (await History.RestoreAsync(removal.EntityType, removal.EntityId)).ShouldBeTrue();

        (await Loader.LoadAsync(reportId))!.Meetings[0].Participants.Select(p => p.Name).ShouldContain("Cai Qi");
        var after = await History.ForReportAsync(reportId);
        after.First(h => h.EntityType == nameof(Participation)).Action.ShouldBe(AuditAction.Restored);
        // Restoring undoes the removal: this report claims Cai Qi again, as accepted by the restorer.
        after.ShouldContain(h => h.EntityType == nameof(ParticipationSource) && h.Changes.Any(c => c.Field == "verdict" && c.Old == "Removed" && c.New == "Accepted"));
        after.ShouldNotContain(h => h.CanRestore);

        var version = (await Loader.LoadAsync(reportId))!.Version;
        (await StatusChanger.SetStatusAsync(reportId, version, ReportStatus.Archived)).Outcome.ShouldBe(SaveOutcome.Saved);
        (await Loader.LoadAsync(reportId))!.Status.ShouldBe(ReportStatus.Archived);
        version = (await Loader.LoadAsync(reportId))!.Version;
        (await StatusChanger.SetStatusAsync(reportId, version, ReportStatus.Draft)).Outcome.ShouldBe(SaveOutcome.Saved);
        (await History.ForReportAsync(reportId)).ShouldContain(h => h.Changes.Any(c => c.Field == "status" && c.Old == "Archived" && c.New == "Draft"));
    }

    [Fact]
    public async Task Items_an_editor_verified_survive_re_extraction_with_a_newer_extractor()
    {
        var reportId = await ImportDraftAsync();
        var draft = (await Loader.LoadAsync(reportId))!;
        var li = draft.Meetings[0].Participants[1];
        li.TitleAsWritten = "Vice Premier";
        li.MarkEdited();
        (await Saver.SaveAsync(draft, publish: false)).Outcome.ShouldBe(SaveOutcome.Saved);

        var rerun = await fixture.Importer(t => Extractions.Commission(t) with { ExtractorVersion = "test-2" }).ReextractAsync(reportId);
        rerun.Succeeded.ShouldBeTrue(rerun.Message);

        var reloaded = (await Loader.LoadAsync(reportId))!;
        reloaded.ExtractorVersion.ShouldBe("test-2");
        var people = reloaded.Meetings.ShouldHaveSingleItem().Participants;
        people.Count(p => p.Name == "Li Qiang").ShouldBe(1);
        var keptLi = people.Single(p => p.Name == "Li Qiang");
        keptLi.Id.ShouldBe(li.Id);
        keptLi.TitleAsWritten.ShouldBe("Vice Premier");
        keptLi.Verified.ShouldBeTrue();
    }

    [Fact]
    public async Task A_person_is_found_by_full_name_or_name_with_a_title_in_front_but_never_by_a_bare_surname()
    {
        await ImportDraftAsync();
        var lookup = new EntityLookup(fixture.Factory);

        var byName = await lookup.ResolvePersonAsync("Xi Jinping");
        var byAlias = await lookup.ResolvePersonAsync("Xi");
        var byTitle = await lookup.ResolvePersonAsync("President Xi Jinping");
        var unknown = await lookup.ResolvePersonAsync("Emmanuel Macron");

        byName.ShouldNotBeNull();
        // "Xi" alone names dozens of people: it is no alias, and an editor picks from the suggestions.
        byAlias.ShouldBeNull();
        byTitle!.Id.ShouldBe(byName.Id);
        unknown.ShouldBeNull();
        (await lookup.SearchPeopleAsync("President Xi Jinping"))[0].Name.ShouldBe("Xi Jinping");
        (await lookup.SearchPeopleAsync("jinp")).ShouldHaveSingleItem().Name.ShouldBe("Xi Jinping");
    }

    [Fact]
    public async Task A_document_reviewed_at_an_earlier_meeting_is_offered_when_a_later_meeting_adopts_it()
    {
        await ImportDraftAsync();
        const string later = "The State Council adopted the plan on strengthening data security on Friday.";
        var laterId = await ImportDraftAsync(later, t => Extractions.Build(t, "State Council", new DateOnly(2023, 9, 1), [], [],
            [("plan on strengthening data security", "plan", Extraction.DocumentAction.Adopted)]));

        var draft = (await Loader.LoadAsync(laterId))!;
        var suggestion = (await Linker.SuggestDocumentsAsync(draft)).ShouldHaveSingleItem();
        suggestion.Title.ShouldBe("plan on data security");
        suggestion.History.ShouldContain("reviewed 2023-05-30 by National Security Commission");

        var item = draft.Meetings[0].Documents[0];
        item.DocumentId = suggestion.DocumentId;
        item.Title = suggestion.Title;
        item.Changed = true;
        (await Saver.SaveAsync(draft, publish: true)).Outcome.ShouldBe(SaveOutcome.Saved);

        await using var db = await fixture.CreateDbContextAsync();
        var document = await db.Documents.Include(d => d.Actions).SingleAsync(d => d.Id == suggestion.DocumentId);
        document.Actions.Select(a => a.Action).Order().ShouldBe([DocumentActionKind.Reviewed, DocumentActionKind.Adopted]);
    }

    [Fact]
    public async Task A_meeting_added_by_hand_with_participants_is_published_with_its_people_linked()
    {
        var reportId = await ImportDraftAsync(Text, t => new ReportExtraction(new ReportHeader(null, null, null, null, null, null), [], "placeholder"));
        var draft = (await Loader.LoadAsync(reportId))!;
        draft.Meetings.ShouldBeEmpty();
        var meeting = new ReviewMeeting { Body = "National Security Commission", Date = Extractions.CommissionDate, Verdict = Verdict.Added };
        var at = Text.IndexOf("Li Qiang", StringComparison.Ordinal);
        meeting.Participants.Add(new ReviewParticipant { Name = "Li Qiang", Role = ParticipationRole.Attendee, TitleAsWritten = "Premier", SpanStart = at, SpanLength = 8 });
        draft.Meetings.Add(meeting);

        (await Saver.SaveAsync(draft, publish: true)).Outcome.ShouldBe(SaveOutcome.Saved);

        var saved = (await Loader.LoadAsync(reportId))!;
        var stored = saved.Meetings.ShouldHaveSingleItem();
        stored.Participants.ShouldHaveSingleItem().SpanStart.ShouldBe(at);
        saved.Status.ShouldBe(ReportStatus.Published);
    }
}

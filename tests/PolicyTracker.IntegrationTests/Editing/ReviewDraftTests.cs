using PolicyTracker.Data;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.IntegrationTests.Editing;

// The draft-editing rules, on a draft built in memory as the loader leaves it: no database.
public sealed class ReviewDraftTests
{
    private const string Text = "Xi Jinping chaired the meeting.  Li Qiang and Cai Qi attended. The meeting adopted the plan on data security.";

    private static readonly Guid Commission = Guid.NewGuid();

    private static ReviewDraft Draft(int otherSources = 0)
    {
        var meeting = new ReviewMeeting
        {
            MeetingId = Guid.NewGuid(),
            SourceId = Guid.NewGuid(),
            MeetingVersion = 4,
            Body = "National Security Commission",
            BodyId = Commission,
            LoadedBodyId = Commission,
            Date = new DateOnly(2023, 5, 30),
            LoadedDate = new DateOnly(2023, 5, 30),
            OtherSources = otherSources,
        };
        meeting.Participants.Add(Person("Xi Jinping", 0, ParticipationRole.Chair));
        meeting.Participants.Add(Person("Cai Qi", 1, ParticipationRole.Attendee));
        meeting.Resolutions.Add(Stored(new ReviewResolution { Text = "data security audits", Verb = "called for" }, Text.IndexOf("The meeting", StringComparison.Ordinal), 10));
        meeting.Documents.Add(Stored(new ReviewDocumentAction { Title = "plan on data security", DocumentId = Guid.NewGuid(), Action = DocumentActionKind.Adopted }, Text.IndexOf("plan", StringComparison.Ordinal), 21));
        var draft = new ReviewDraft { ReportId = Guid.NewGuid(), Version = 7, Text = Text, Headline = "The commission meets", Meetings = [meeting] };
        foreach (var item in draft.Items)
        {
            item.Snapshot();
        }

        return draft;
    }

    private static ReviewParticipant Person(string name, int position, ParticipationRole role) =>
        Stored(new ReviewParticipant { Name = name, PersonId = Guid.NewGuid(), Role = role, Position = position }, Text.IndexOf(name, StringComparison.Ordinal), name.Length);

    private static T Stored<T>(T item, int start, int length)
        where T : ReviewItem
    {
        (item.Id, item.SourceId, item.Version, item.SourceVersion) = (Guid.NewGuid(), Guid.NewGuid(), 1, 1);
        (item.SpanStart, item.SpanLength, item.Confidence, item.Verdict) = (start, length, 0.9, Verdict.Extracted);
        return item;
    }

    private static (int Start, int End) Span(string words)
    {
        var at = Text.IndexOf(words, StringComparison.Ordinal);
        return (at, at + words.Length);
    }

    [Fact]
    public void A_participant_added_from_a_selection_is_named_by_it_and_placed_where_its_span_falls()
    {
        var draft = Draft();
        var meeting = draft.Meetings[0];

        var li = draft.AddItem(meeting, FactKind.Person, Span("Li Qiang"));

        var added = li.ShouldBeOfType<ReviewParticipant>();
        added.Name.ShouldBe("Li Qiang");
        (added.SpanStart, added.SpanLength).ShouldBe((Text.IndexOf("Li Qiang", StringComparison.Ordinal), 8));
        (added.Verdict, added.Confidence, added.Role).ShouldBe((Verdict.Added, 1.0, ParticipationRole.Attendee));
        meeting.Participants.Select(p => (p.Name, p.Position)).ShouldBe([("Xi Jinping", 0), ("Li Qiang", 1), ("Cai Qi", 2)]);
        // Cai Qi moved down a place: that is saved too, so the meeting page lists people as written.
        meeting.Participants[2].Changed.ShouldBeTrue();
        meeting.Participants[0].Changed.ShouldBeFalse();
    }

    [Fact]
    public void An_item_added_without_a_selection_goes_last_with_empty_fields_for_the_editor()
    {
        var draft = Draft();

        var resolution = draft.AddItem(draft.Meetings[0], FactKind.Resolution).ShouldBeOfType<ReviewResolution>();
        var document = draft.AddItem(draft.Meetings[0], FactKind.Document).ShouldBeOfType<ReviewDocumentAction>();

        (resolution.Text, resolution.Verb, resolution.SpanLength, resolution.Position).ShouldBe((string.Empty, "called for", 0, 1));
        (document.Title, document.Action, document.Position).ShouldBe((string.Empty, DocumentActionKind.Adopted, 1));
        draft.Meetings[0].Resolutions[0].Changed.ShouldBeFalse();
    }

    [Fact]
    public void A_selection_loses_the_white_space_at_its_ends_and_is_nothing_when_only_white_space_or_outside_the_text()
    {
        var draft = Draft();
        var gap = Text.IndexOf("  Li", StringComparison.Ordinal);

        draft.Selection(gap, gap + 10).ShouldBe((gap + 2, gap + 10));
        draft.Selection(gap, gap + 2).ShouldBeNull();
        draft.Selection(5, 5).ShouldBeNull();
        draft.Selection(-1, 4).ShouldBeNull();
        draft.Selection(0, Text.Length + 1).ShouldBeNull();
    }

    [Fact]
    public void Removing_a_stored_item_marks_it_and_can_be_undone_while_a_new_item_is_dropped()
    {
        var draft = Draft();
        var meeting = draft.Meetings[0];
        var cai = meeting.Participants[1];
        var added = draft.AddItem(meeting, FactKind.Person, Span("Li Qiang"));

        draft.Remove(cai);
        draft.Remove(added);

        cai.Removed.ShouldBeTrue();
        meeting.Participants.ShouldBe([meeting.Participants[0], cai]);
        draft.Total.ShouldBe(3);
        cai.UndoRemove();
        draft.Total.ShouldBe(4);
        cai.Removed.ShouldBeFalse();
    }

    [Fact]
    public void Counts_leave_out_removed_items_and_the_items_of_removed_meetings()
    {
        var draft = Draft();
        var second = draft.AddMeeting("State Council");
        draft.AddItem(second, FactKind.Person, Span("Li Qiang"));
        draft.Meetings[0].Participants[0].Accept();
        draft.Meetings[0].Participants[1].Removed = true;

        (draft.VerifiedCount, draft.Total).ShouldBe((2, 4));
        second.Remove();
        (draft.VerifiedCount, draft.Total).ShouldBe((1, 3));
        second.UndoRemove();
        (draft.VerifiedCount, draft.Total).ShouldBe((2, 4));
        // The header is unchanged; the new meeting, its new participant and the removal are unsaved.
        draft.Unsaved.ShouldBe(4);
    }

    [Fact]
    public void Accepting_all_remaining_takes_only_what_nobody_judged_and_records_it_as_bulk()
    {
        var draft = Draft();
        var meeting = draft.Meetings[0];
        meeting.Participants[0].MarkEdited();
        meeting.Participants[0].TitleAsWritten = "general secretary";
        meeting.Participants[0].MarkEdited();
        meeting.Participants[1].Removed = true;
        draft.AddItem(meeting, FactKind.Person, Span("Li Qiang"));

        draft.AcceptAllRemaining().ShouldBe(2);

        meeting.Participants[0].Verdict.ShouldBe(Verdict.Edited);
        meeting.Resolutions[0].Verdict.ShouldBe(Verdict.Accepted);
        meeting.Resolutions[0].InBulk.ShouldBeTrue();
        meeting.Participants.Single(p => p.Name == "Cai Qi").Verdict.ShouldBe(Verdict.Extracted);
        meeting.Participants.Single(p => p.Name == "Li Qiang").Verdict.ShouldBe(Verdict.Added);
        (meeting.Verdict, meeting.InBulk).ShouldBe((Verdict.Accepted, true));
        draft.Unjudged.ShouldBeEmpty();
    }

    [Fact]
    public void An_edit_that_changes_nothing_is_an_acceptance_and_one_that_changes_something_is_a_correction()
    {
        var draft = Draft();
        var xi = draft.Meetings[0].Participants[0];
        var cai = draft.Meetings[0].Participants[1];

        xi.Apply("Xi Jinping", ParticipationRole.Chair, null, new LookupOption(xi.PersonId, "Xi Jinping", null)).ShouldBeNull();
        cai.Apply("Cai Qi", ParticipationRole.Speaker, null, new LookupOption(cai.PersonId, "Cai Qi", null)).ShouldBeNull();

        (xi.Verdict, xi.Changed).ShouldBe((Verdict.Accepted, false));
        (cai.Verdict, cai.Changed, cai.Role).ShouldBe((Verdict.Edited, true, ParticipationRole.Speaker));
    }

    [Fact]
    public void A_name_typed_with_a_title_in_front_keeps_the_title_as_written_and_an_unknown_name_is_a_new_person()
    {
        var draft = Draft();
        var cai = draft.Meetings[0].Participants[1];
        var found = new LookupOption(Guid.NewGuid(), "Li Qiang", null);

        cai.Apply(" Premier Li Qiang ", ParticipationRole.Attendee, "  ", found).ShouldBeNull();
        (cai.Name, cai.PersonId, cai.TitleAsWritten).ShouldBe(("Li Qiang", found.Id, "Premier"));

        cai.Apply("Wang Huning", ParticipationRole.Attendee, "Chairman", null).ShouldBeNull();
        (cai.Name, cai.PersonId, cai.TitleAsWritten).ShouldBe(("Wang Huning", (Guid?)null, "Chairman"));
        cai.Apply(" ", ParticipationRole.Attendee, null, null).ShouldBe("A participant needs a name.");
        cai.Name.ShouldBe("Wang Huning");
    }

    [Fact]
    public void A_new_item_applied_stays_added_and_a_document_retitled_is_unlinked_until_linked_again()
    {
        var draft = Draft();
        var added = draft.AddItem(draft.Meetings[0], FactKind.Resolution).ShouldBeOfType<ReviewResolution>();
        added.Apply(" audits of data security ", " urged ").ShouldBeNull();
        (added.Text, added.Verb, added.Verdict, added.Changed).ShouldBe(("audits of data security", "urged", Verdict.Added, false));
        added.Apply("", "urged").ShouldBe("A resolution needs its text.");

        var plan = draft.Meetings[0].Documents[0];
        plan.Apply("plan on data security", DocumentActionKind.Reviewed, " plan ").ShouldBeNull();
        plan.DocumentId.ShouldNotBeNull();
        plan.DocumentKind.ShouldBe("plan");
        plan.Apply("data security plan", DocumentActionKind.Reviewed, null).ShouldBeNull();
        plan.DocumentId.ShouldBeNull();

        var stored = Guid.NewGuid();
        plan.LinkTo(new DocumentSuggestion(plan.Key, stored, "plan on strengthening data security", "reviewed 2023-03-01"));
        (plan.DocumentId, plan.Title, plan.Verdict).ShouldBe(((Guid?)stored, "plan on strengthening data security", Verdict.Edited));
    }

    [Fact]
    public void A_meeting_given_another_body_loses_its_body_link_and_blank_fields_are_empty()
    {
        var draft = Draft();
        var meeting = draft.Meetings[0];

        meeting.Apply("National Security Commission ", new DateOnly(2023, 5, 31), " first session ", " ");
        (meeting.BodyId, meeting.Date, meeting.Session, meeting.Changed).ShouldBe(((Guid?)Commission, (DateOnly?)new DateOnly(2023, 5, 31), "first session", true));
        meeting.Location.ShouldBeNull();

        meeting.Apply("Central Commission for National Security", meeting.Date, null, "Beijing");
        (meeting.Body, meeting.BodyId, meeting.Location).ShouldBe(("Central Commission for National Security", (Guid?)null, "Beijing"));
    }

    [Fact]
    public void Moving_a_shared_meeting_needs_the_editors_answer_before_the_draft_can_be_saved()
    {
        var shared = Draft(otherSources: 2);
        var meeting = shared.Meetings[0];

        meeting.WouldMoveShared("National Security Commission", meeting.Date).ShouldBeFalse();
        meeting.WouldMoveShared("National Security Commission", new DateOnly(2023, 6, 1)).ShouldBeTrue();
        meeting.WouldMoveShared("State Council", meeting.Date).ShouldBeTrue();
        Draft().Meetings[0].WouldMoveShared("State Council", null).ShouldBeFalse();

        meeting.Apply("National Security Commission", new DateOnly(2023, 6, 1), null, null);
        shared.FirstProblem().ShouldBe("The meeting of National Security Commission is also described by 2 other report(s). "
            + "Choose whether to move only this report to the meeting with the new body and date, or to change the meeting for all 3 reports.");
        meeting.Apply("National Security Commission", new DateOnly(2023, 6, 1), null, null, MeetingEditScope.ThisReport);
        shared.FirstProblem().ShouldBeNull();
        meeting.Scope.ShouldBe(MeetingEditScope.ThisReport);
    }

    [Fact]
    public void A_draft_with_no_headline_a_meeting_without_a_body_or_a_span_outside_the_text_cannot_be_saved()
    {
        var draft = Draft();
        draft.FirstProblem().ShouldBeNull();

        draft.Meetings[0].Participants[0].SpanLength = Text.Length + 1;
        draft.FirstProblem().ShouldBe("“Xi Jinping” points outside the report text.");
        draft.Meetings[0].Participants[0].Removed = true;
        draft.FirstProblem().ShouldBeNull();

        draft.AddMeeting(null);
        draft.FirstProblem().ShouldBe("Every meeting needs a body.");
        draft.EditHeader(d => d.Headline = " ");
        draft.FirstProblem().ShouldBe("The headline is empty.");
        draft.HeaderChanged.ShouldBeTrue();

        // Over the report column's length: said, never cut.
        draft.EditHeader(d => d.Headline = new string('h', 1001));
        draft.FirstProblem().ShouldBe("The headline is 1,001 characters; the limit is 1,000. Shorten it: nothing was cut.");
        draft.Headline.Length.ShouldBe(1001);
        draft.EditHeader(d => (d.Headline, d.Outlet) = ("Headline", new string('o', 201)));
        draft.FirstProblem().ShouldBe("The outlet is 201 characters; the limit is 200. Shorten it: nothing was cut.");
        draft.EditHeader(d => (d.Outlet, d.SourceUrl) = (null, "https://example.org/" + new string('u', 1981)));
        draft.FirstProblem().ShouldBe("The source URL is 2,001 characters; the limit is 2,000. Shorten it: nothing was cut.");
    }

    [Fact]
    public void Cancelling_what_the_editor_just_added_discards_it_and_nothing_stored()
    {
        var draft = Draft();
        var meeting = draft.AddMeeting("State Council");
        var item = draft.AddItem(draft.Meetings[0], FactKind.Document, Span("plan"));
        var stored = draft.Meetings[0].Participants[0];

        draft.Discard(item.Key);
        draft.Discard(meeting.Key);
        draft.Discard(stored.Key);

        draft.Meetings.ShouldHaveSingleItem();
        draft.Meetings[0].Documents.ShouldHaveSingleItem().IsNew.ShouldBeFalse();
        stored.Removed.ShouldBeFalse();
        draft.TargetMeeting(meeting.Key).ShouldBe(draft.Meetings[0]);
    }

    [Fact]
    public void Keeping_mine_after_a_conflict_takes_their_values_in_the_fields_I_did_not_touch_and_the_current_versions()
    {
        var mine = Draft();
        var theirs = Clone(mine);
        var myCai = mine.Meetings[0].Participants[1];
        myCai.Role = ParticipationRole.Speaker;
        myCai.MarkEdited();
        var theirCai = theirs.Meetings[0].Participants[1];
        (theirCai.TitleAsWritten, theirCai.Role, theirCai.Verdict) = ("Secretary", ParticipationRole.Attendee, Verdict.Edited);
        var conflicts = new[]
        {
            Conflict(myCai.Key, current: 2, currentSource: 3),
            Conflict(ReviewConflict.ReportKey, current: 9),
            Conflict(mine.Meetings[0].Key, current: 5),
            Conflict(mine.Meetings[0].Resolutions[0].Key + ReviewConflict.SourceSuffix, current: 6),
        };

        mine.KeepMine(theirs, conflicts);

        (myCai.Role, myCai.TitleAsWritten, myCai.Verdict).ShouldBe((ParticipationRole.Speaker, "Secretary", Verdict.Edited));
        (myCai.Version, myCai.SourceVersion, myCai.Changed).ShouldBe((2u, 3u, true));
        (mine.Version, mine.HeaderChanged).ShouldBe((9u, true));
        (mine.Meetings[0].MeetingVersion, mine.Meetings[0].Changed).ShouldBe((5u, true));
        mine.Meetings[0].Resolutions[0].SourceVersion.ShouldBe(6u);
        mine.Meetings[0].Resolutions[0].Changed.ShouldBeFalse();
    }

    [Fact]
    public void Taking_theirs_replaces_only_the_conflicting_records_and_drops_what_they_removed()
    {
        var mine = Draft();
        var theirs = Clone(mine);
        mine.EditHeader(d => d.Headline = "My headline");
        mine.Meetings[0].Participants[0].TitleAsWritten = "President";
        mine.Meetings[0].Participants[0].MarkEdited();
        mine.Meetings[0].Participants[1].Removed = true;
        mine.Meetings[0].Resolutions[0].Accept();
        theirs.Headline = "Their headline";
        theirs.Meetings[0].Participants[0].TitleAsWritten = "general secretary";
        theirs.Meetings[0].Documents.Clear();

        mine.TakeTheirs(theirs,
        [
            Conflict(ReviewConflict.ReportKey, current: 8),
            Conflict(mine.Meetings[0].Participants[0].Key, current: 2),
            Conflict(mine.Meetings[0].Documents[0].Key + ReviewConflict.SourceSuffix, current: 2),
        ]);

        (mine.Headline, mine.HeaderChanged).ShouldBe(("Their headline", false));
        mine.Meetings[0].Participants[0].ShouldBeSameAs(theirs.Meetings[0].Participants[0]);
        mine.Meetings[0].Participants[1].Removed.ShouldBeTrue();
        mine.Meetings[0].Resolutions[0].Verdict.ShouldBe(Verdict.Accepted);
        mine.Meetings[0].Documents.ShouldBeEmpty();
    }

    [Fact]
    public void The_browsers_copy_of_unsaved_changes_puts_every_change_back_on_a_fresh_load_with_the_versions_they_were_made_against()
    {
        var draft = Draft();
        var fresh = Clone(draft);
        var meeting = draft.Meetings[0];
        ReviewDraftCopy.Of(draft).ShouldBeNull();

        draft.EditHeader(d => (d.Headline, d.Outlet) = ("A corrected headline 😀", "Wire"));
        var xi = meeting.Participants[0].ShouldBeOfType<ReviewParticipant>();
        xi.Apply("President Xi Jinping", ParticipationRole.Chair, "President", null).ShouldBeNull();
        draft.Remove(meeting.Participants[1]);
        meeting.Resolutions[0].Accept();
        var li = draft.AddItem(meeting, FactKind.Person, Span("Li Qiang"));
        var added = draft.AddMeeting("Politburo");
        var unsaved = draft.Unsaved;

        var json = ReviewDraftCopy.Of(draft).ShouldNotBeNull().ToJson();
        json.ShouldNotContain(Text);
        var copy = ReviewDraftCopy.FromJson(json).ShouldNotBeNull();
        // Someone else saved in between: the restored changes carry the versions they were made against.
        fresh.Version = 8;
        fresh.Meetings[0].Participants[0].Version = 5;

        copy.ApplyTo(fresh).ShouldBe(0);

        fresh.Unsaved.ShouldBe(unsaved);
        (fresh.Headline, fresh.Outlet, fresh.Version, fresh.HeaderChanged).ShouldBe(("A corrected headline 😀", "Wire", 7u, true));
        var people = fresh.Meetings[0].Participants;
        people.Select(p => (p.Name, p.Removed)).ShouldBe([("President Xi Jinping", false), ("Li Qiang", false), ("Cai Qi", true)]);
        (people[0].Version, people[0].Verdict, people[0].Changed).ShouldBe((1u, Verdict.Edited, true));
        (people[1].IsNew, people[1].Verdict, people[1].SpanStart).ShouldBe((true, Verdict.Added, li.SpanStart));
        fresh.Meetings[0].Resolutions[0].Verdict.ShouldBe(Verdict.Accepted);
        fresh.Meetings.Select(m => m.Body).ShouldBe([meeting.Body, added.Body]);
        fresh.Meetings[1].IsNew.ShouldBeTrue();
        fresh.FirstProblem().ShouldBe(draft.FirstProblem());
    }

    [Fact]
    public void A_copy_of_changes_to_records_gone_since_says_how_many_could_not_be_restored_and_a_foreign_copy_is_refused()
    {
        var draft = Draft();
        var fresh = Clone(draft);
        draft.Meetings[0].Documents[0].ShouldBeOfType<ReviewDocumentAction>().Apply("plan on data security, revised", DocumentActionKind.Adopted, null);
        draft.Meetings[0].Resolutions[0].Accept();
        fresh.Meetings[0].Documents.Clear();

        ReviewDraftCopy.FromJson(ReviewDraftCopy.Of(draft)!.ToJson())!.ApplyTo(fresh).ShouldBe(1);
        fresh.Meetings[0].Resolutions[0].Verdict.ShouldBe(Verdict.Accepted);

        ReviewDraftCopy.FromJson("{\"version\":99}").ShouldBeNull();
        ReviewDraftCopy.FromJson("not json").ShouldBeNull();
        ReviewDraftCopy.FromJson(null).ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => ReviewDraftCopy.Of(draft)!.ApplyTo(Draft()));
    }

    private static ReviewConflict Conflict(string key, uint current, uint? currentSource = null) =>
        new(key, key, "alice", DateTimeOffset.UnixEpoch, [], false, current, currentSource);

    // The same stored records, loaded again: the same ids and keys, separate objects.
    private static ReviewDraft Clone(ReviewDraft draft)
    {
        var meeting = draft.Meetings[0];
        var copy = new ReviewMeeting
        {
            MeetingId = meeting.MeetingId,
            SourceId = meeting.SourceId,
            MeetingVersion = meeting.MeetingVersion,
            Body = meeting.Body,
            BodyId = meeting.BodyId,
            Date = meeting.Date,
        };
        copy.Participants.AddRange(meeting.Participants.Select(p => (ReviewParticipant)p.Original!.Copy()));
        copy.Resolutions.AddRange(meeting.Resolutions.Select(r => (ReviewResolution)r.Original!.Copy()));
        copy.Documents.AddRange(meeting.Documents.Select(d => (ReviewDocumentAction)d.Original!.Copy()));
        var fresh = new ReviewDraft { ReportId = draft.ReportId, Version = draft.Version, Text = draft.Text, Headline = draft.Headline, Meetings = [copy] };
        foreach (var item in fresh.Items)
        {
            item.Snapshot();
        }

        return fresh;
    }
}

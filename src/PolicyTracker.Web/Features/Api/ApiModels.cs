using PolicyTracker.Data.Entities;

namespace PolicyTracker.Web.Features.Api;

/// <summary>One page of a list: <c>Next</c> is the opaque cursor for the following page, null on the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Limit, string? Next);

public sealed record BodyRef(Guid Id, string Name);

/// <summary>Where a published report says a fact: <c>Link</c> opens the report at the sentence.</summary>
public sealed record SourceDto(Guid ReportId, string Headline, string? Outlet, int SpanStart, int SpanLength, Verdict Verdict, string Link);

public sealed record MeetingSummaryDto(Guid Id, DateOnly? Date, BodyRef Body, string? Session, string? Chair,
    int Participants, int Resolutions, int Documents, int Reports);

public sealed record ParticipantDto(Guid PersonId, string Name, ParticipationRole Role, string? Title, IReadOnlyList<SourceDto> Sources);

public sealed record ResolutionDto(Guid Id, string Verb, string Text, IReadOnlyList<SourceDto> Sources);

public sealed record DocumentActionDto(Guid DocumentId, string Title, string? Kind, DocumentActionKind Action, IReadOnlyList<SourceDto> Sources);

public sealed record MeetingReportDto(Guid ReportId, string Headline, string? Outlet, DateOnly? Published, int SpanStart, int SpanLength, string Link);

public sealed record MeetingDto(Guid Id, DateOnly? Date, BodyRef Body, string? Session, string? Location,
    IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<ResolutionDto> Resolutions,
    IReadOnlyList<DocumentActionDto> Documents, IReadOnlyList<MeetingReportDto> Sources);

public sealed record CountedRef(Guid Id, string Name, int Meetings);

public sealed record PersonSummaryDto(Guid Id, string Name, IReadOnlyList<string> Aliases, string? LatestTitle, int Meetings, DateOnly? LastMeeting);

public sealed record TitleDto(string Title, DateOnly? FirstSeen, DateOnly? LastSeen);

public sealed record PersonMeetingDto(Guid MeetingId, DateOnly? Date, BodyRef Body, string? Session, ParticipationRole Role, string? Title);

/// <summary>A person: <c>LatestMeetings</c> holds the latest 50; <c>MeetingsLink</c> pages through all of them.</summary>
public sealed record PersonDto(Guid Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<TitleDto> Titles, int Meetings,
    IReadOnlyList<CountedRef> Bodies, IReadOnlyList<PersonMeetingDto> LatestMeetings, string MeetingsLink);

public sealed record BodySummaryDto(Guid Id, string Name, BodyRef? Parent, int Meetings, DateOnly? FirstMeeting, DateOnly? LastMeeting);

public sealed record BodyDto(Guid Id, string Name, IReadOnlyList<string> Aliases, BodyRef? Parent, IReadOnlyList<CountedRef> Children,
    int Meetings, DateOnly? FirstMeeting, DateOnly? LastMeeting, IReadOnlyList<MeetingSummaryDto> LatestMeetings, string MeetingsLink);

public sealed record DocumentSummaryDto(Guid Id, string Title, string? Kind, int Actions, DateOnly? FirstAction, DateOnly? LastAction);

public sealed record DocumentStepDto(DocumentActionKind Action, Guid MeetingId, DateOnly? Date, BodyRef Body, string? Session, IReadOnlyList<SourceDto> Sources);

/// <summary>A document and its life across meetings, oldest first.</summary>
public sealed record DocumentDto(Guid Id, string Title, string? Kind, IReadOnlyList<DocumentStepDto> Steps, string MeetingsLink);

/// <summary>A search hit of any kind: <c>Snippet</c> is plain text, <c>Highlights</c> the [start, length] of each
/// matched stretch in it; <c>Link</c> is the page, <c>ApiLink</c> the API resource where there is one.</summary>
public sealed record SearchHitDto(string Kind, Guid Id, string Title, DateOnly? Date, string? Snippet, IReadOnlyList<int[]> Highlights,
    string? MatchedAlias, bool Similar, string Link, string? ApiLink);

public sealed record SearchGroupDto(string Kind, int Total, bool Capped, IReadOnlyList<SearchHitDto> Hits);

public sealed record FacetDto(string Key, string Label, int Count);

public sealed record SearchDto(string Query, string? Kind, Guid? Body, int? Year, IReadOnlyList<SearchGroupDto> Groups,
    IReadOnlyList<FacetDto> Kinds, IReadOnlyList<FacetDto> Bodies, IReadOnlyList<FacetDto> Years);

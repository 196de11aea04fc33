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

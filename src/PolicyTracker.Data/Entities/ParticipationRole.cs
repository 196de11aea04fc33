namespace PolicyTracker.Data.Entities;

public enum ParticipationRole
{
    Chair,
    Speaker,
    Attendee,
}

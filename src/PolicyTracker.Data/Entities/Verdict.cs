namespace PolicyTracker.Data.Entities;

// What an editor said about one report's claim of a fact. Only a person changes it from Extracted;
// publishing a report does not, so these are the raw material of the extractor's quality figures.
public enum Verdict
{
    Extracted,
    Accepted,
    Edited,
    Removed,
    Added,
}

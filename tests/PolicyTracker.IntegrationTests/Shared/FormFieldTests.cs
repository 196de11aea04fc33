using PolicyTracker.Web.Components.Shared;

namespace PolicyTracker.IntegrationTests.Shared;

// The one check every form field of the account pages goes through: no database.
public sealed class FormFieldTests
{
    [Theory]
    [InlineData("a\0b")]
    [InlineData("line\nbreak")]
    [InlineData("evil\u202Etxt.exe")]
    [InlineData("zero\u200Fwidth")]
    public void Control_characters_direction_marks_and_broken_characters_are_refused_with_a_message(string value)
    {
        QueryInput.FieldProblem("token name", value, 100).ShouldNotBeNull().ShouldContain("The token name contains control characters");
    }

    [Fact]
    public void Too_long_a_value_is_refused_and_a_password_is_never_trimmed_or_cleaned()
    {
        QueryInput.FieldProblem("password", new string('x', QueryInput.MaxPasswordLength + 1), QueryInput.MaxPasswordLength)
            .ShouldBe("The password is longer than 128 characters.");
        QueryInput.FieldProblem("password", new string('x', QueryInput.MaxPasswordLength), QueryInput.MaxPasswordLength).ShouldBeNull();
        QueryInput.FieldProblem("password", "  spaces are fine 😀 ", QueryInput.MaxPasswordLength).ShouldBeNull();
        QueryInput.FieldProblem("e-mail address", null, QueryInput.MaxEmailLength).ShouldBeNull();
        QueryInput.FieldProblem("e-mail address", "", QueryInput.MaxEmailLength).ShouldBeNull();
        QueryInput.FieldProblem("token name", "lone " + (char)0xD800 + " half", 100).ShouldNotBeNull();
    }
}

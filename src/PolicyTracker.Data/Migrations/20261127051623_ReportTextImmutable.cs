using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportTextImmutable : Migration
    {
        // The interceptor already refuses the change; the trigger also stops raw SQL and other clients.
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION reports_text_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.text IS DISTINCT FROM OLD.text OR NEW.content_hash IS DISTINCT FROM OLD.content_hash THEN
                        RAISE EXCEPTION 'report % text is immutable', OLD.id USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END
                $$;

                CREATE TRIGGER reports_text_immutable BEFORE UPDATE OF text, content_hash ON reports
                    FOR EACH ROW EXECUTE FUNCTION reports_text_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER reports_text_immutable ON reports;
                DROP FUNCTION reports_text_immutable();
                """);
        }
    }
}

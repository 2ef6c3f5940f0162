using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Overholt.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Every commit that inserts outbox messages notifies channel <c>outbox_message</c>, whoever commits it: each
    /// worker's outbox dispatcher listens and dispatches at once instead of polling an idle table.
    /// </summary>
    public partial class NotifyOutboxMessages : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_outbox_message() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('outbox_message', '');
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER outbox_message_inserted AFTER INSERT ON outbox_messages FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_message();");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER outbox_message_inserted ON outbox_messages;");
            migrationBuilder.Sql("DROP FUNCTION notify_outbox_message();");
        }
    }
}

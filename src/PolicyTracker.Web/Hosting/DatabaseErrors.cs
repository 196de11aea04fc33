using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PolicyTracker.Web.Hosting;

/// <summary>Tells an outage (server down, unreachable, restarting, out of connections) from a bug, so that
/// pages can say "the database is unavailable" instead of "something went wrong".</summary>
public static class DatabaseErrors
{
    public const string Message = "The database is unavailable. Nothing you saved is lost; try again in a moment.";

    public static bool IsUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case SocketException:
                case TimeoutException:
                case PostgresException { IsTransient: true }:
                case NpgsqlException and not PostgresException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }

        return false;
    }
}

using PolicyTracker.Cli.Commands;

return args.FirstOrDefault() switch
{
    "extract" => await ExtractCommand.RunAsync(args[1..], Console.Out, Console.Error),
    "import" => await ImportCommand.RunAsync(args[1..], Console.Out, Console.Error),
    "migrate" => await MigrateCommand.RunAsync(args[1..], Console.Out, Console.Error),
    "seed" => await SeedCommand.RunAsync(args[1..], Console.Out, Console.Error),
    "topics" => await TopicsCommand.RunAsync(args[1..], Console.Out, Console.Error),
    "users" => await UsersCommand.RunAsync(args[1..], Console.Out, Console.Error),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: policytracker <command> [options]");
    Console.Error.WriteLine("  extract <file-or-folder>... [--out DIR]   extract meetings from report text as JSON");
    Console.Error.WriteLine("  import <folder|zip|jsonl|file> [--publish] [--workers N] [--connection CS]");
    Console.Error.WriteLine("                                            import reports through the job queue; resumes an unfinished job of the same source");
    Console.Error.WriteLine("  migrate [--connection CS]                 apply database migrations");
    Console.Error.WriteLine("  seed [--connection CS]                    load the demo reports into an empty database");
    Console.Error.WriteLine("  seed --synthetic --meetings N [--seed N] [--append] [--connection CS]");
    Console.Error.WriteLine("                                            generate a synthetic archive of N meetings (binary COPY)");
    Console.Error.WriteLine("  topics recompute [--batch N] [--connection CS]");
    Console.Error.WriteLine("                                            re-tag every resolution and document after topics.json changed");
    Console.Error.WriteLine("  topics status [--connection CS]           how many rows carry tags of another topics file (exit 3 if any)");
    Console.Error.WriteLine("  users add --email E --role Admin          create a user (also: list, set-password, roles, disable, enable)");
    return 2;
}

using Christmas.Bench;

// Small load and database tools for bench/run.sh; each subcommand prints its figures on stdout.
var usage = """
    usage: Christmas.Bench <command> [--option value ...]
      rate      --url URL --rps 200 --seconds 30 [--tag T]      open-loop POSTs of the assessment webhook
      (every --db campaign.db of seed-lag, lag, seed-contacts and contacts also takes --pg CONNECTION-STRING: the app's PostgreSQL database)
      seed-lag  --db campaign.db --pending 100000 --due 600 --spread-seconds 60 [--start ISO | --start-in 15] [--round R]
      lag       --db campaign.db [--timeout 180] [--round R]   waits for the seeded due steps, prints SentAt - DueAt
      count     --db campaign.db                                 rows in Contacts, Sequences, Steps; the Notion mirror's unread changes and pending pages
      seed-contacts --db campaign.db [--contacts 100000] [--steps 400000]   the console's contacts at scale
      contacts  --db campaign.db [--runs 30] [--contacts 100000] [--url URL --token T] [--quick 1]   contacts page query and search timings
      resend-standin --port 5083 [--limit 5] [--count N | --emails N | --seconds S] [--timeout 600]   a local Resend API (single and batch); prints what arrived
      notion-standin --port 5103 [--budget 3]                   a local Notion API with the two databases; prints their ids,
                                                                serves until killed; GET /bench/stats on port+1
      webhooks  --url URL --contacts 100 [--kind signup|assessment] [--each 10] [--concurrency 16] [--tag T]   exactly contacts*each posts
      delivery  --url URL --secret whsec_... [--seconds 10] [--concurrency 32] [--tag T] [--db campaign.db]   signed Resend events, closed loop
      scrape    --url URL/metrics --token T [--runs 50] [--pause-ms 0]   times of GET /metrics with the bearer token
      plot      --tsv growth.tsv --out growth.png [--title T]    PNG of the costs against contacts (log scales)
      simulate  --db campaign.db [--seed 10000] [--days 10] [--runs 3]   seeds active sequences, times the simulator in process
                [--url URL --token T]                          or one POST /api/simulations to the running app
      publish   --db DIR/campaign.db [--seed 10000] [--pg CONNECTION-STRING]   creates the schema, seeds active sequences, times the
                                                                impact preview and an in-flight publish of a draft moving a step of each
      smtp      --port 2525 [--host 127.0.0.1] [--emails 2000] [--concurrency 4] [--rounds 3]   the Smtp sender to a running SMTP
                                                                server, a connection per email and reused, alternating rounds
    """;
if (args.Length == 0) { Console.Error.WriteLine(usage); return 2; }

try
{
    var options = Options.Parse(args[1..]);
    return args[0] switch
    {
        "rate" => await RateCommand.RunAsync(options),
        "seed-lag" => SeedLagCommand.Run(options),
        "lag" => await LagCommand.RunAsync(options),
        "count" => CountCommand.Run(options),
        "seed-contacts" => SeedContactsCommand.Run(options),
        "contacts" => await ContactsQueryCommand.RunAsync(options),
        "resend-standin" => await ResendStandInCommand.RunAsync(options),
        "notion-standin" => await NotionStandInCommand.RunAsync(options),
        "webhooks" => await WebhooksCommand.RunAsync(options),
        "delivery" => await DeliveryCommand.RunAsync(options),
        "scrape" => await ScrapeCommand.RunAsync(options),
        "plot" => PlotCommand.Run(options),
        "simulate" => await SimulateCommand.RunAsync(options),
        "publish" => await PublishCommand.RunAsync(options),
        "smtp" => await SmtpCommand.RunAsync(options),
        _ => Fail(usage),
    };
}
catch (ArgumentException ex)
{
    return Fail($"{ex.Message}\n{usage}");
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}

using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Api.Web.SignIn;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TicketFlow.Api.Security;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Web.Tests;

/// <summary>
/// One TicketFlow host (the shared ApiHost on the shared Azurite) and one Debian chromium driven by Playwright for
/// every browser test. The browser is never downloaded: Playwright launches /usr/bin/chromium with a fresh profile.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly AzuriteFixture _azurite = new();
    private readonly string _profile = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("tfchromium"));
    private IPlaywright? _playwright;

    public ApiHost Host { get; private set; } = null!;

    /// <summary>The collection's Azurite (a test that needs a host configured otherwise starts it on this one).</summary>
    public AzuriteFixture Azurite => _azurite;

    public IBrowserContext Browser { get; private set; } = null!;

    /// <summary>The operator's administrative key (its hash is the host's setting).</summary>
    public string AdministratorKey { get; } = ApiKey.Create().Value;

    /// <summary>The staff credential the first run printed (and wrote beside the API key).</summary>
    public string FirstStaffCredential { get; private set; } = string.Empty;

    /// <summary>Today in the first-run EN's time zone (New York), as the API counts it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTimeOffset.UtcNow, "America/New_York").DateTime);

    /// <summary>Where the screenshots go: the test project's TestResults folder.</summary>
    public static string Results { get; } = Path.Combine(ApiScenario.RepositoryRoot(), "tests", "Web.Tests", "TestResults", "screenshots");

    public string Url(string pathUnderWeb) => new Uri(Host.BaseAddress, "/api/web/" + pathUnderWeb.TrimStart('/')).ToString();

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Assert.True(ApiKey.TryParse(AdministratorKey, out var admin));
        Host = await ApiHost.StartAsync(_azurite, $"--Api:Security:AdministratorKeyHash={admin.Hash()}");
        // On the shared Azurite (a configured account) the host runs no first-run bootstrap; ApiHost makes the demo EN
        // (P00001, staff member s1), and its staff credential is made here the way the bootstrap makes it.
        FirstStaffCredential = (await StaffCredentials.CreateAsync("P00001", "s1",
            Host.App.Services.GetRequiredService<IApiKeyStore>(), TimeProvider.System, CancellationToken.None)).Value;

        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        }

        Directory.CreateDirectory(Results);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
            ViewportSize = new ViewportSize { Width = 1024, Height = 900 },
            Locale = "en-US",
        });
        // CI runs every test project at once on two cores: a page that renders in a second alone can take many more
        // then. A page that never comes still fails, after a minute.
        Browser.SetDefaultTimeout(60_000);
    }

    /// <summary>A fresh page with no session: cookies of earlier tests are cleared.</summary>
    public async Task<IPage> NewPageAsync()
    {
        await Browser.ClearCookiesAsync();
        foreach (var old in Browser.Pages.ToList())
        {
            await old.CloseAsync();
        }

        return await Browser.NewPageAsync();
    }

    /// <summary>Opens the sign-in page and signs in with a credential.</summary>
    public async Task<IPage> SignedInPageAsync(string? credential = null)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("sign-in"));
        await page.GetByLabel("Staff credential").FillAsync(credential ?? FirstStaffCredential);
        // The post's own answer, so that a refusal (a 429, a form error) fails here with its reason, not after a
        // minute spent waiting for a redirect that will not come.
        var posted = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/sign-in", StringComparison.Ordinal));
        Assert.True(posted.Status == 302, $"The sign-in post answered {posted.Status}: {(posted.Status == 302 ? string.Empty : await posted.TextAsync())}");
        await page.WaitForURLAsync(u => !u.Contains("/sign-in", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// The page's accessibility check (axe-core: no serious or critical violation), its script weight (none of it
    /// may exceed 100 KB; the pages have none) and a full-page screenshot under the test results.
    /// </summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        var scripts = await page.EvaluateAsync<int>("document.scripts.length");
        var scriptBytes = await page.EvaluateAsync<long>(
            "performance.getEntriesByType('resource').filter(e => e.initiatorType === 'script').reduce((n, e) => n + e.transferSize, 0)");
        Assert.True(scriptBytes <= 100 * 1024, $"{name}: {scriptBytes} bytes of script");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Results, $"{name}.png"), FullPage = true });
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        await File.AppendAllTextAsync(Path.Combine(Results, "script-size.txt"), $"{name}\t{scripts} script elements\t{scriptBytes} bytes{Environment.NewLine}");
    }

    /// <summary>Calls the API with the first EN's key (the seeding a case-management system would do).</summary>
    public async Task<JsonElement> ApiAsync(HttpMethod method, string path, string? json = null, string? key = null)
    {
        using var client = Host.Client(key ?? Host.FirstEnKey);
        using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = json is null ? null : ApiScenario.Json(json) });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>An assigned ticket of the first EN, in Initial Job Acquisition.</summary>
    public async Task AssignedTicketAsync(string ticket, DateOnly on)
    {
        using var client = Host.Client(Host.FirstEnKey);
        await ApiScenario.AssignAsync(client, ticket, on);
        await ApiScenario.UntilAsync(async () =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{ticket}")).GetProperty("ticket").GetProperty("status").GetString() == "InitialJobAcquisition");
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        if (Directory.Exists(_profile))
        {
            Directory.Delete(_profile, recursive: true);
        }
    }
}

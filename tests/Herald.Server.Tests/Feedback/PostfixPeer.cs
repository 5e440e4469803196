using System.Diagnostics;

namespace Herald.Server.Tests.Feedback;

/// <summary>
/// A private, loopback-only Debian Postfix (after /work/shared/bench/postfix-peer.sh): smtpd on 127.0.0.1:<see cref="Port"/>,
/// everything relayed to the sink, and mail for the bounce domain (the DSNs Postfix itself writes) to Herald's listener.
/// No DNS, no local delivery, no other destination.
/// </summary>
internal sealed class PostfixPeer : IAsyncDisposable
{
    private readonly string _base;
    private readonly string _etc;

    private PostfixPeer(string baseDirectory, int port)
    {
        _base = baseDirectory;
        _etc = Path.Combine(baseDirectory, "etc");
        Port = port;
    }

    public int Port { get; }

    public string Log => File.Exists(Path.Combine(_base, "maillog")) ? File.ReadAllText(Path.Combine(_base, "maillog")) : "(no maillog)";

    /// <summary>Why the test cannot run here, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (!File.Exists("/usr/sbin/postfix"))
        {
            return "postfix is not installed (apt-get install postfix)";
        }

        return Environment.UserName == "root" ? null : "a private Postfix instance must be started as root";
    }

    public static async Task<PostfixPeer> StartAsync(int sinkPort, string bounceDomain, int listenerPort, int port)
    {
        var baseDirectory = Directory.CreateTempSubdirectory("herald-postfix-").FullName;
        var peer = new PostfixPeer(baseDirectory, port);
        var spool = Path.Combine(baseDirectory, "spool");
        var data = Path.Combine(baseDirectory, "data");
        Directory.CreateDirectory(peer._etc);
        Directory.CreateDirectory(spool);
        Directory.CreateDirectory(data);
        // Postfix insists on root-owned, world-readable queue and config folders (CreateTempSubdirectory makes 0700).
        await RunAsync("chmod", "755", baseDirectory, peer._etc, spool);
        await RunAsync("chown", "postfix:postfix", data);
        File.Copy("/etc/postfix/postfix-files", Path.Combine(peer._etc, "postfix-files"));
        File.Copy("/etc/postfix/dynamicmaps.cf", Path.Combine(peer._etc, "dynamicmaps.cf"));
        foreach (var dir in new[] { "postfix-files.d", "dynamicmaps.cf.d" })
        {
            if (Directory.Exists($"/etc/postfix/{dir}"))
            {
                await RunAsync("cp", "-r", $"/etc/postfix/{dir}", peer._etc);
            }
        }

        // DSNs go to the envelope sender, a VERP address on the bounce domain: route that domain to Herald's listener.
        var transport = "inline:{ " + bounceDomain + "=smtp:[127.0.0.1]:" + listenerPort + " }";
        await File.WriteAllTextAsync(Path.Combine(peer._etc, "main.cf"), $"""
            compatibility_level = 3.6
            queue_directory = {spool}
            data_directory = {data}
            meta_directory = {peer._etc}
            command_directory = /usr/sbin
            daemon_directory = /usr/lib/postfix/sbin
            shlib_directory = /usr/lib/postfix
            mail_owner = postfix
            setgid_group = postdrop
            myhostname = peer-postfix.localdomain
            mydomain = localdomain
            myorigin = $myhostname
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            mydestination =
            local_recipient_maps =
            local_transport = error:local delivery disabled
            alias_maps =
            alias_database =
            relay_domains =
            mynetworks = 127.0.0.0/8
            smtpd_relay_restrictions = permit_mynetworks, reject
            smtpd_recipient_restrictions = permit_mynetworks, reject
            default_transport = smtp:[127.0.0.1]:{sinkPort}
            relay_transport = smtp:[127.0.0.1]:{sinkPort}
            transport_maps = {transport}
            smtp_dns_support_level = disabled
            smtp_host_lookup = native
            smtp_tls_security_level = none
            notify_classes =
            biff = no
            smtputf8_enable = no
            maillog_file = {baseDirectory}/maillog
            maillog_file_prefixes = {baseDirectory}
            """);
        await File.WriteAllTextAsync(Path.Combine(peer._etc, "master.cf"), $"""
            127.0.0.1:{peer.Port} inet n - n - - smtpd
            pickup    unix  n       -       n       60      1       pickup
            cleanup   unix  n       -       n       -       0       cleanup
            qmgr      unix  n       -       n       300     1       qmgr
            rewrite   unix  -       -       n       -       -       trivial-rewrite
            bounce    unix  -       -       n       -       0       bounce
            defer     unix  -       -       n       -       0       bounce
            trace     unix  -       -       n       -       0       bounce
            verify    unix  -       -       n       -       1       verify
            flush     unix  n       -       n       1000?   0       flush
            proxymap  unix  -       -       n       -       -       proxymap
            proxywrite unix -       -       n       -       1       proxymap
            smtp      unix  -       -       n       -       -       smtp
            relay     unix  -       -       n       -       -       smtp
            showq     unix  n       -       n       -       -       showq
            error     unix  -       -       n       -       -       error
            retry     unix  -       -       n       -       -       error
            discard   unix  -       -       n       -       -       discard
            anvil     unix  -       -       n       -       1       anvil
            scache    unix  -       -       n       -       1       scache
            postlog   unix-dgram n  -       n       -       1       postlogd

            """);
        await RunAsync("postfix", "-c", peer._etc, "set-permissions");
        await RunAsync("postfix", "-c", peer._etc, "check");
        await RunAsync("postfix", "-c", peer._etc, "start");
        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("postfix", "-c", _etc, "stop");
        try
        {
            Directory.Delete(_base, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // set-permissions complains about files a private instance does not have; everything else must succeed.
        if (process.ExitCode != 0 && !(args.Length > 0 && args[^1] is "set-permissions" or "stop"))
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        }
    }
}

package co.fractal.loadtest.localserver;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.config.LocalServerSettings.Fault;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.time.Duration;

/**
 * The reference webserver's state — users, tokens, containers and their pings, the pool, tasks, the host
 * service, the container hosts — and the route tables of its two servers over that shared state. Knows nothing
 * of sockets.
 */
final class Webserver implements AutoCloseable {
    private final StateLock lock = new StateLock();
    private final Scheduler scheduler = new Scheduler(lock);
    private final Tokens tokens = new Tokens();
    private final Accounts accounts = new Accounts();
    private final LostWrites lostWrites = new LostWrites();
    private final LocalServerSettings settings;
    private final TaskStore tasks;
    private final Containers containers;
    private final ContainerRows rows;
    private final ContainerPool pool;
    private final PingRowLocks pingLocks;
    private final Pings pings;
    private final Hosts hosts;
    private final AssignmentWorker worker;
    private final String adminUsername;
    private final String adminPassword;

    Webserver(LocalServerSettings settings, String adminUsername, String adminPassword, ServerClock clock) {
        this.settings = settings;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.tasks = new TaskStore(settings.taskRetention());
        this.containers = new Containers(settings.capacity());
        this.rows = new ContainerRows(containers, lostWrites);
        this.pool = new ContainerPool(settings.prewarmedPerRegion(), settings.prebootNumber(), settings.prewarmDelay(),
                containers, scheduler);
        this.pingLocks = new PingRowLocks(settings.has(Fault.PING_LOCK_TIMEOUT), clock);
        this.pings = new Pings(containers, rows, pingLocks, clock);
        this.hosts = new Hosts(clock);
        this.worker = new AssignmentWorker(settings, scheduler, clock, containers, pool, tasks, lostWrites, pingLocks);
        lock.run(pool::fill);
        scheduler.every(Duration.ofSeconds(1), tasks::expire);
    }

    /** The containers that exist now (prewarmed ones included). */
    int containerCount() {
        return containers.all().size();
    }

    /** The webserver's endpoints (plain HTTP). */
    Routes webserverRoutes() {
        RateLimiter assignLimit = new RateLimiter(settings.assignRateLimit(), System::nanoTime);
        RateLimiter registerLimit = new RateLimiter(settings.assignRateLimit(), System::nanoTime);
        Endpoint assign = new AssignEndpoint(lock, tokens, accounts, worker, assignLimit, settings);
        Endpoint ping = new PingEndpoint(lock, pings);
        Endpoint protocolInfo = new ProtocolInfoEndpoint(lock, rows);
        Endpoint delete = new ContainerDeleteEndpoint(lock, worker, tasks, lostWrites);
        return new Routes(HttpResponseStatus.METHOD_NOT_ALLOWED, Routes::webserverError)
                .on(HttpMethod.POST, "/admin/login", new AdminLoginEndpoint(adminUsername, adminPassword, tokens))
                .on(HttpMethod.POST, "/account/register", new RegisterEndpoint(lock, accounts, tokens, lostWrites, registerLimit))
                .on(HttpMethod.POST, "/account/delete", new AccountDeleteEndpoint(lock, tokens, accounts, worker, lostWrites))
                .on(HttpMethod.GET, "/admin/users", new UserListingEndpoint(lock, tokens, accounts, lostWrites))
                .on(HttpMethod.GET, "/admin/containers", new ContainerListingEndpoint(lock, tokens, containers, lostWrites))
                .on(HttpMethod.POST, "/mandelbox/assign", assign)
                .on(HttpMethod.POST, "/container/assign", assign)
                .on(HttpMethod.GET, "/host_service", new HostInfoEndpoint(tokens, accounts))
                .onPrefix(HttpMethod.GET, StatusEndpoint.PREFIX,
                        new StatusEndpoint(tasks, settings.maintenance(), settings.has(Fault.MIXED_STATUS)))
                .on(HttpMethod.POST, "/mandelbox/ping", ping)
                .on(HttpMethod.POST, "/container/ping", ping)
                .on(HttpMethod.POST, "/mandelbox/protocol_info", protocolInfo)
                .on(HttpMethod.POST, "/container/protocol_info", protocolInfo)
                .on(HttpMethod.POST, "/logs", new LogsEndpoint(lock, scheduler, rows, tasks, settings.logsDelay()))
                .on(HttpMethod.POST, "/mandelbox/delete", delete)
                .on(HttpMethod.POST, "/container/delete", delete)
                .on(HttpMethod.POST, "/container_state/cancel", new CancelEndpoint(lock, tokens, accounts, worker))
                .on(HttpMethod.POST, "/host_service/auth", new HostAuthEndpoint(lock, hosts))
                .on(HttpMethod.POST, "/host_service/heartbeat", new HeartbeatEndpoint(lock, hosts))
                .on(HttpMethod.GET, "/admin/hosts", new HostListingEndpoint(lock, tokens, hosts))
                .on(HttpMethod.GET, "/admin/pool", new PoolEndpoint(lock, tokens, pool));
    }

    /** The host service's endpoint (served over HTTPS); a wrong method is a 400, as on real hosts. */
    Routes hostServiceRoutes() {
        return new Routes(HttpResponseStatus.BAD_REQUEST, Routes::hostServiceError)
                .on(HttpMethod.PUT, "/set_config_encryption_token", new ConfigTokenEndpoint(lock, worker.hostService()));
    }

    @Override
    public void close() {
        scheduler.close();
    }
}

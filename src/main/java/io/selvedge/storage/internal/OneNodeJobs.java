package io.selvedge.storage.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every scheduled job runs on one node at a time: a job's method carries ShedLock's {@code @SchedulerLock}, whose
 * lock is a row of {@code job_lock} in the global store, stamped with the database's clock (nodes' clocks may
 * differ). A node that finds the lock held skips that run; a node that died holding it frees it when its
 * {@code lockAtMostFor} has passed (10 minutes unless the job says otherwise), so no job stops with its node. The
 * few jobs that must run on every node (reloading this node's certificate) say so with {@code @EveryNode}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class OneNodeJobs {

    /** ShedLock's JDBC provider takes a JdbcTemplate: the one place here that needs that API rather than JdbcClient. */
    @Bean
    LockProvider jobLocks(DataSource globalDataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(globalDataSource))
                .withTableName("job_lock")
                .withLockedByValue(thisNode())
                .usingDbTime()
                .build());
    }

    /** Names the node in the lock row, for an operator who wonders where a job runs: host, process, a start id. */
    static String thisNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String node = host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return node.length() > 255 ? node.substring(node.length() - 255) : node;
    }
}

package dev.tokenhook.lookup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;

/** The small pool the tests read through, with the short timeouts an application would set. */
final class Pools {

    private Pools() {
    }

    static HikariDataSource small(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        config.setConnectionTimeout(1000);
        config.setValidationTimeout(500);
        config.setInitializationFailTimeout(-1);
        // A connection whose server went away is dropped at once, not kept (H2's "database closed" is not SQLState 08).
        config.setExceptionOverride(new EvictBrokenConnections());
        return new HikariDataSource(config);
    }

    /** Drops a connection whose server went away. */
    static final class EvictBrokenConnections implements SQLExceptionOverride {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            return e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException
                    ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }
}

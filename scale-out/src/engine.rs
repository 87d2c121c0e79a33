//! Where the plan runs: a local DataFusion session, a Ballista cluster started
//! in this process (scheduler and executor talking gRPC over localhost), or a
//! remote Ballista scheduler. The plan itself is the same for all three.

use std::time::Duration;

use ballista::prelude::{SessionConfigExt, SessionContextExt};
use datafusion::execution::SessionStateBuilder;
use datafusion::prelude::{SessionConfig, SessionContext};

use crate::error::{Error, Result};

/// Hash partitions of the shuffles (DISTINCT and the (day, state) grouping).
/// DataFusion's default, one per core, leaves 2 partitions on this machine,
/// and one partition of DISTINCT's text group values then outgrows the 2 GiB
/// an Arrow string array can address at 100× ("offset overflow"); 32 keep each
/// well below, and give a cluster's executors tasks to share.
pub const PARTITIONS: usize = 32;

/// The three ways to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Engine {
    /// DataFusion on this machine, one process.
    Local,
    /// Ballista standalone: scheduler and executor in-process, over localhost.
    Standalone,
    /// A running Ballista scheduler, `df://host:port`.
    Remote {
        url: String,
        host: String,
        port: u16,
    },
}

impl Engine {
    /// `local`, `standalone` or `df://host:port`.
    ///
    /// # Errors
    /// [`Error::Usage`] for anything else; [`Error::Scheduler`] for a `df://`
    /// URL without a host or with a bad port.
    pub fn parse(text: &str) -> Result<Engine> {
        match text {
            "local" => Ok(Engine::Local),
            "standalone" => Ok(Engine::Standalone),
            url if url.starts_with("df://") => {
                let bad = |message: &str| Error::Scheduler {
                    url: url.to_string(),
                    message: message.to_string(),
                };
                let address = url.trim_start_matches("df://").trim_end_matches('/');
                let (host, port) = address
                    .rsplit_once(':')
                    .ok_or_else(|| bad("expected df://host:port"))?;
                let port = port
                    .parse::<u16>()
                    .map_err(|_| bad("the port is not a number from 0 to 65535"))?;
                if host.is_empty() {
                    return Err(bad("the host is empty"));
                }
                Ok(Engine::Remote {
                    url: url.to_string(),
                    host: host.to_string(),
                    port,
                })
            }
            other => Err(Error::Usage(format!(
                "unknown engine {other:?} (local, standalone or df://host:port)"
            ))),
        }
    }

    /// A short name for reports: `datafusion local`, `ballista standalone`,
    /// `ballista df://host:port`.
    pub fn name(&self) -> String {
        match self {
            Engine::Local => "datafusion local".into(),
            Engine::Standalone => "ballista standalone".into(),
            Engine::Remote { url, .. } => format!("ballista {url}"),
        }
    }

    /// A session whose queries run on this engine. For a remote scheduler, a
    /// TCP connection is tried first (5 s), since Ballista itself only
    /// connects when the first query is submitted.
    ///
    /// # Errors
    /// [`Error::Scheduler`] when nothing answers at the URL; [`Error::Engine`]
    /// when Ballista cannot start or configure the session.
    pub async fn context(&self) -> Result<SessionContext> {
        match self {
            Engine::Local => Ok(SessionContext::new_with_config(
                SessionConfig::new().with_target_partitions(PARTITIONS),
            )),
            Engine::Standalone => SessionContext::standalone_with_state(ballista_state())
                .await
                .map_err(Error::engine("starting Ballista standalone")),
            Engine::Remote { url, host, port } => {
                let unreachable = |message: String| Error::Scheduler {
                    url: url.clone(),
                    message,
                };
                let connect = tokio::net::TcpStream::connect((host.as_str(), *port));
                match tokio::time::timeout(Duration::from_secs(5), connect).await {
                    Err(_) => return Err(unreachable("no answer within 5 s".into())),
                    Ok(Err(e)) => return Err(unreachable(e.to_string())),
                    Ok(Ok(_)) => {}
                }
                SessionContext::remote_with_state(url, ballista_state())
                    .await
                    .map_err(Error::engine(format!("connecting to {url}")))
            }
        }
    }
}

/// Ballista's session settings with [`PARTITIONS`] hash partitions.
fn ballista_state() -> datafusion::execution::SessionState {
    let config = SessionConfig::new_with_ballista().with_target_partitions(PARTITIONS);
    SessionStateBuilder::new()
        .with_default_features()
        .with_config(config)
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engines_parse_and_bad_urls_are_named() {
        assert_eq!(Engine::parse("local").unwrap(), Engine::Local);
        assert_eq!(
            Engine::parse("df://10.0.0.7:50050").unwrap(),
            Engine::Remote {
                url: "df://10.0.0.7:50050".into(),
                host: "10.0.0.7".into(),
                port: 50050
            }
        );
        for bad in ["df://nohost", "df://:50050", "df://h:99999"] {
            let e = Engine::parse(bad).unwrap_err().to_string();
            assert!(e.contains(bad), "{e}");
        }
        assert!(matches!(Engine::parse("spark"), Err(Error::Usage(_))));
    }

    #[tokio::test]
    async fn an_unreachable_scheduler_is_an_error_naming_the_url() {
        // Port 1 on localhost: nothing listens there, so the connect is refused.
        let engine = Engine::parse("df://127.0.0.1:1").unwrap();
        let Err(e) = engine.context().await else {
            panic!("connected to df://127.0.0.1:1");
        };
        let e = e.to_string();
        assert!(e.contains("df://127.0.0.1:1"), "{e}");
    }
}

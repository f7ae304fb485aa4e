"""One settings object, built by the CLI or the app factory and passed down."""

import os
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["PROJECT_ROOT", "Settings"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every knob councilgraph has; environment variables are prefixed COUNCILGRAPH_."""

    model_config = SettingsConfigDict(env_prefix="COUNCILGRAPH_", frozen=True)

    base_iri: str = Field(
        default="https://w3id.org/councilgraph/id/",
        description="Prefix of every IRI the graph mints; must end with '/' or '#'.",
    )
    store: Path = Field(default=Path(".store"), description="Folder of the on-disk Oxigraph store.")
    ontology_dir: Path = Field(default=PROJECT_ROOT / "ontology", description="Folder of ontology Turtle.")
    shapes_dir: Path = Field(default=PROJECT_ROOT / "shapes", description="Folder of SHACL shapes Turtle.")
    host: str = Field(default="127.0.0.1", description="Address `councilgraph serve` listens on.")
    port: int = Field(default=8000, ge=0, le=65535, description="Port `councilgraph serve` listens on.")
    query_timeout_ms: int = Field(default=10_000, gt=0, description="Time limit of one SPARQL query, in milliseconds.")
    max_rows: int = Field(default=10_000, gt=0, description="Most rows (or triples) one SPARQL answer carries.")
    dataset_licence: str = Field(
        default="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        description="IRI of the licence the dataset description (/.well-known/void) states for the data.",
    )
    query_workers: int = Field(
        default=2, gt=0, description="Worker processes answering SPARQL queries, shared out among the server processes."
    )
    workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        gt=0,
        description="Server processes `councilgraph serve` runs; each answers requests with its own view of the store.",
    )

    @field_validator("base_iri")
    @classmethod
    def _ends_with_separator(cls, value: str) -> str:
        if not value.endswith(("/", "#")):
            return value + "/"
        return value

"""The Jira columns Upward reads, as Jira names them in English, German, French, Spanish and Portuguese,
and the words in the cells that decide what an issue is (its type, resolution, priority).

Jira writes the header in the language of the person who exports, so every column is looked up by all
its known names. Values are compared without case or accents (see `_tickets.plain`).
"""

from __future__ import annotations

from functools import lru_cache

from upward.importers._tickets import header_key, plain
from upward.model import Kind

#: field -> every known header for it (en, de, fr, es, pt; Cloud and Server/Data Center spellings).
TRANSLATIONS: dict[str, tuple[str, ...]] = {
    "summary": ("Summary", "Zusammenfassung", "Résumé", "Resumen", "Resumo"),
    "key": (
        "Issue key", "Key", "Vorgangsschlüssel", "Schlüssel", "Clé de ticket", "Clé du ticket", "Clé",
        "Clave de incidencia", "Clave", "Chave da item", "Chave do item", "Chave",
    ),
    "id": (
        "Issue id", "Vorgangs-ID", "ID de ticket", "ID du ticket", "ID de la incidencia", "ID da item", "ID do item",
    ),
    "type": ("Issue Type", "Vorgangstyp", "Type de ticket", "Tipo de incidencia", "Tipo de item", "Tipo do item"),
    "status": ("Status", "État", "Statut", "Estado"),
    "status_category": (
        "Status Category", "Statuskategorie", "Catégorie d'état", "Catégorie de statut", "Categoría de estado",
        "Categoria de status",
    ),
    "priority": ("Priority", "Priorität", "Priorité", "Prioridad", "Prioridade"),
    "resolution": ("Resolution", "Lösung", "Résolution", "Resolución", "Resolução"),
    "assignee": ("Assignee", "Zugewiesene Person", "Bearbeiter", "Responsable", "Persona asignada", "Responsável"),
    "assignee_id": (
        "Assignee Id", "ID der zugewiesenen Person", "Bearbeiter-ID", "ID du responsable", "ID de responsable",
        "ID de la persona asignada", "ID do responsável",
    ),
    "reporter": ("Reporter", "Autor", "Melder", "Rapporteur", "Informador", "Relator"),
    "reporter_id": (
        "Reporter Id", "ID des Autors", "ID du rapporteur", "ID de informador", "ID del informador", "ID do relator",
    ),
    "creator": ("Creator", "Ersteller", "Créateur", "Creador", "Criador"),
    "creator_id": ("Creator Id", "Ersteller-ID", "ID du créateur", "ID de creador", "ID del creador", "ID do criador"),
    "created": ("Created", "Erstellt", "Création", "Créé", "Creada", "Creado", "Criado"),
    "updated": ("Updated", "Aktualisiert", "Mise à jour", "Mis à jour", "Actualizada", "Actualizado",
                "Atualizado", "Atualizado(a)"),
    "resolved": ("Resolved", "Erledigt", "Gelöst", "Résolu", "Résolue", "Resuelta", "Resuelto", "Resolvido"),
    "description": ("Description", "Beschreibung", "Descripción", "Descrição"),
    "labels": ("Labels", "Stichwörter", "Étiquettes", "Etiquetas", "Rótulos"),
    "components": ("Component/s", "Components", "Komponenten", "Composants", "Composant/s", "Componentes",
                   "Componente/s"),
    "project_name": ("Project name", "Projektname", "Nom du projet", "Nombre del proyecto", "Nome do projeto"),
    "project_key": (
        "Project key", "Projektschlüssel", "Clé du projet", "Clé de projet", "Clave del proyecto",
        "Clave de proyecto", "Chave do projeto",
    ),
    "sprint": ("Sprint", "Sprints"),
    "parent": ("Parent", "Parent id", "Übergeordnet", "Principal", "Pai"),
    "parent_key": ("Parent key", "Clave principal", "Chave principal"),
    "parent_summary": ("Parent summary", "Übergeordnete Zusammenfassung", "Résumé du parent", "Resumen principal",
                       "Resumo do pai"),
    "epic_link": ("Epic Link", "Epic-Link", "Lien d'epic", "Enlace de épica", "Link do épico", "Parent Link"),
    "comment": ("Comment", "Comments", "Kommentar", "Kommentare", "Commentaire", "Commentaires", "Comentario",
                "Comentarios", "Comentário", "Comentários"),
    "watchers": ("Watchers", "Beobachter", "Observateurs", "Observadores"),
    "watchers_id": (
        "Watchers Id", "ID des Beobachters", "ID der Beobachter", "ID des observateurs", "ID de l'observateur",
        "ID de observadores", "ID de los observadores", "ID do observador", "ID dos observadores",
    ),
    "time_spent": ("Time Spent", "Benötigte Zeit", "Aufgewendete Zeit", "Temps consacré", "Temps passé",
                   "Tiempo empleado", "Tempo gasto"),
    "total_time_spent": (
        "Σ Time Spent", "Σ Benötigte Zeit", "Σ Aufgewendete Zeit", "Σ Temps consacré", "Σ Temps passé",
        "Σ Tiempo empleado", "Tiempo empleado (Σ)", "Σ de Tempo Gasto", "Σ Tempo gasto",
    ),
}  # fmt: skip

#: How Jira writes "Custom field (Epic Link)" in each language.
CUSTOM_FIELD = ("Custom field", "Benutzerdefinierte Felder", "Benutzerdefiniertes Feld", "Champ personnalisé",
                "Champs personnalisés", "Campo personalizado", "Campos personalizados")  # fmt: skip
CUSTOM_READ = {"epic_link": ("Epic Link", "Parent Link")}


def _aliases() -> dict[str, str]:
    aliases = {header_key(name): field for field, names in TRANSLATIONS.items() for name in names}
    for field, names in CUSTOM_READ.items():
        for prefix in CUSTOM_FIELD:
            aliases.update({header_key(f"{prefix} ({name})"): field for name in names})
    return aliases


ALIASES = _aliases()

#: What the first row must have; each group is satisfied by any one of its fields.
NEEDS: tuple[tuple[str, ...], ...] = (("summary",), ("key", "id"), ("resolved", "updated", "created"))
NEEDS_IN_WORDS = {
    ("summary",): "'Summary'",
    ("key", "id"): "'Issue key' (or 'Issue id')",
    ("resolved", "updated", "created"): "'Created' (or 'Updated', 'Resolved')",
}

#: Issue types (compared with `plain`, without a "[System] " prefix) -> the kind of work.
KINDS: dict[str, Kind] = {
    **dict.fromkeys(
        ("bug", "defect", "incident", "fehler", "vorfall", "storung", "bogue", "anomalie", "error", "incidente",
         "defeito", "hotfix", "outage"),
        Kind.INCIDENT,
    ),
    **dict.fromkeys(
        ("epic", "epos", "epique", "epopee", "epica", "epico", "initiative", "iniciativa"), Kind.STRATEGY
    ),
    **dict.fromkeys(("spike", "research", "recherche", "investigacion", "pesquisa"), Kind.DESIGN),
    **dict.fromkeys(("documentation", "dokumentation", "documentacion", "documentacao"), Kind.DOCUMENTATION),
    **dict.fromkeys(("post-incident review", "postmortem", "post-mortem"), Kind.DOCUMENTATION),
    **dict.fromkeys(
        ("service request", "service request with approvals", "support", "it help", "get it help",
         "serviceanfrage", "demande de service", "solicitud de servicio", "requisicao de servico"),
        Kind.REQUEST,
    ),
}  # fmt: skip
#: Resolutions (and statuses) that close an issue without the work being done.
DECLINED = frozenset(
    plain(word)
    for word in (
        "Won't Do", "Won't Fix", "Wont Fix", "Duplicate", "Cannot Reproduce", "Can't Reproduce", "Invalid",
        "Incomplete", "Declined", "Rejected", "Obsolete", "Not A Problem", "Not a Bug", "Abandoned", "Canceled",
        "Cancelled", "Won't Implement", "Works as Designed", "Works for Me", "Later",
        "Wird nicht erledigt", "Wird nicht behoben", "Duplikat", "Nicht reproduzierbar", "Abgelehnt",
        "Unvollständig", "Ungültig", "Abgebrochen",
        "Ne sera pas fait", "Ne sera pas corrigé", "Doublon", "Impossible à reproduire", "Refusé", "Incomplet",
        "Non valide", "Annulé",
        "No se hará", "No se corregirá", "Duplicado", "No se puede reproducir", "Rechazado", "Incompleto",
        "No válido", "Cancelado",
        "Não será feito", "Não será corrigido", "Não é possível reproduzir", "Recusado", "Inválido",
    )
)  # fmt: skip
#: How some Jira versions write "no resolution yet".
UNRESOLVED = frozenset(plain(w) for w in ("Unresolved", "Ungelöst", "Non résolu", "Sin resolver", "Não resolvido"))
#: Status categories that mean finished.
DONE = frozenset(plain(w) for w in ("Done", "Fertig", "Erledigt", "Terminé", "Terminé(e)", "Listo", "Concluído",
                                    "Finalizada", "Hecho", "Itens concluídos"))  # fmt: skip
#: Priorities that mark urgent work (tagged `urgent`).
URGENT = frozenset(
    plain(w)
    for w in ("Highest", "Blocker", "Critical", "Urgent", "P0", "Höchste", "Kritisch", "La plus haute", "Très haute",
              "Critique", "Bloquant", "Más alta", "Muy alta", "Crítica", "Bloqueador", "Mais alta", "Muito alta")
)  # fmt: skip


@lru_cache(maxsize=1024)
def kind_of(issue_type: str) -> Kind:
    """The kind of work for an issue type; a type Upward does not know is delivery (the type stays in the text)."""
    key = plain(issue_type)
    key = key.removeprefix("[system] ").removeprefix("[systeme] ").removeprefix("[sistema] ")
    return KINDS.get(key, Kind.DELIVERY)


def is_epic(issue_type: str) -> bool:
    """Epics (and initiatives) are a body of work: their children take the epic's summary as their project."""
    return kind_of(issue_type) is Kind.STRATEGY

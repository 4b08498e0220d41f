public import SkillPathCore

/// A small, hand-checked company catalog: every planning rule has a case here whose answer is obvious.
///
/// Python: py1 (4h, free) → py2 (6h, $100, needs python 1) → py3 (10h, $300, needs python 2).
///         py3-bootcamp teaches python 3 directly in 20h for $50 (cheaper, slower).
/// SQL:    sql1 (3h) → sql2 (5h, needs sql 1, after sql1).
/// Stats:  stats-course teaches statistics 2 (needs python 2).
/// K8s:    nothing teaches kubernetes; ml-adv teaches ml 3 but needs kubernetes 2.
/// Data:   data-video (video, 2h) and data-workshop (instructor-led, de) both teach data-viz 2.
public enum Fixtures {
    public static let files: [String: String] = [
        "skills.json": """
        {"skills": [
          {"id": "python", "name": "Python", "category": "engineering", "aliases": ["py"]},
          {"id": "sql", "name": "SQL", "category": "data"},
          {"id": "statistics", "name": "Statistics"},
          {"id": "kubernetes", "name": "Kubernetes"},
          {"id": "ml", "name": "Machine learning"},
          {"id": "data-viz", "name": "Data visualisation"}
        ]}
        """,
        "courses/python.json": """
        {"courses": [
          {"id": "py1", "title": "Python basics", "format": "video", "hours": 4, "teaches": [{"skill": "python", "level": 1}]},
          {"id": "py2", "title": "Python intermediate", "format": "video", "hours": 6, "cost": 100,
           "teaches": [{"skill": "python", "level": 2}], "requires": [{"skill": "python", "level": 1}]},
          {"id": "py3", "title": "Python advanced", "format": "hands-on", "hours": 10, "cost": 300,
           "teaches": [{"skill": "python", "level": 3}], "requires": [{"skill": "python", "level": 2}]},
          {"id": "py3-bootcamp", "title": "Python bootcamp", "format": "instructor-led", "hours": 20, "cost": 50,
           "teaches": [{"skill": "python", "level": 3}]}
        ]}
        """,
        "courses/data.json": """
        {"courses": [
          {"id": "sql1", "title": "SQL basics", "format": "reading", "hours": 3, "teaches": [{"skill": "sql", "level": 1}]},
          {"id": "sql2", "title": "SQL joins", "format": "video", "hours": 5, "cost": 20,
           "teaches": [{"skill": "sql", "level": 2}], "requires": [{"skill": "sql", "level": 1}], "after": ["sql1"]},
          {"id": "stats-course", "title": "Statistics with Python", "format": "video", "hours": 8,
           "teaches": [{"skill": "statistics", "level": 2}], "requires": [{"skill": "python", "level": 2}]},
          {"id": "ml-adv", "title": "Production ML", "format": "hands-on", "hours": 12,
           "teaches": [{"skill": "ml", "level": 3}], "requires": [{"skill": "kubernetes", "level": 2}]},
          {"id": "data-video", "title": "Charts on video", "format": "video", "hours": 2, "cost": 10,
           "teaches": [{"skill": "data-viz", "level": 2}]},
          {"id": "data-workshop", "title": "Visualisierung", "format": "instructor-led", "language": "de", "provider": "Acme",
           "hours": 2, "cost": 10, "teaches": [{"skill": "data-viz", "level": 2}]}
        ]}
        """,
        "roles.json": """
        {"roles": [
          {"id": "analyst", "title": "Data Analyst", "family": "data", "grade": 2,
           "requires": [{"skill": "sql", "level": 2}, {"skill": "data-viz", "level": 2, "importance": "optional"}]},
          {"id": "scientist", "title": "Data Scientist", "family": "data", "grade": "L3",
           "requires": [{"skill": "python", "level": 3}, {"skill": "statistics", "level": 2}, {"skill": "sql", "level": 1}]},
          {"id": "ml-engineer", "title": "ML Engineer", "family": "data", "grade": "L4",
           "requires": [{"skill": "python", "level": 2}, {"skill": "ml", "level": 3}, {"skill": "kubernetes", "level": 1}]},
          {"id": "lead", "title": "Data Lead", "family": "data",
           "requires": [{"skill": "python", "level": 3}, {"skill": "sql", "level": 2}, {"skill": "statistics", "level": 2}]}
        ],
        "transitions": [
          {"from": "analyst", "to": "scientist", "kind": "promotion"},
          {"from": "analyst", "to": "ml-engineer", "kind": "lateral"},
          {"from": "scientist", "to": "lead", "kind": "promotion"}
        ]}
        """,
    ]

    public static func catalog() throws -> Catalog {
        let directory = TemporaryDirectory()
        return try CatalogLoader.load(directory: directory.write(files))
    }
}

"""The read API: published stories, people and tags as JSON, for apps and partners.

Read-only and anonymous; every list is paginated; responses carry
Cache-Control and an ETag so that clients and caches can revalidate cheaply.
The OpenAPI schema is served at ``/api/schema/``.
"""

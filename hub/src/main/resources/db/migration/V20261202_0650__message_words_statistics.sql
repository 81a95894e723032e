-- The search's estimates (see V20261202_0620) read the words of messages in message.words now (V20261202_0601):
-- the same ten times the default statistics, so that the planner knows about 10,000 words of the messages rather
-- than 1,000. Only a lock that lets the hub read and write meanwhile. No analysis here: on a database being upgraded
-- the column is still empty until its back-fill runs, and autovacuum analyses the table again as the back-fill
-- rewrites its rows (and on a new database there is nothing to analyse).
alter table message alter column words set statistics 1000;

-- A customer's number: one integer per customer id, the same for all its versions (SCD type 2 gives each version its
-- own customer_key). Counting distinct customers counts these numbers: integers hash and compare several times faster
-- than text ids, and a customer whose attributes changed is still one customer.
create sequence silver.customer_numbers_seq;
create table silver.customer_numbers (
    customer_id      text primary key,
    customer_number  bigint not null unique default nextval('silver.customer_numbers_seq')
);

insert into silver.customer_numbers (customer_id)
select customer_id from silver.customers group by customer_id order by min(customer_key);

-- 0 is the unknown customer's, as its key is. No NOT NULL here: DuckDB cannot add a column with a constraint; the
-- load always writes a number.
alter table gold.dim_customer add column customer_number bigint default 0;

update gold.dim_customer
set customer_number = n.customer_number
from silver.customer_numbers n
where n.customer_id = gold.dim_customer.customer_id and gold.dim_customer.customer_key <> 0;
